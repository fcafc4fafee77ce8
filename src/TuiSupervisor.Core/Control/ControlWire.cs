using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// How replies are written: with the generated serialization-only code of
/// <see cref="ControlWriter"/> (the same JSON as <see cref="ControlJson"/>), into a
/// <see cref="Utf8JsonWriter"/> that leaves text readable ('&gt;', quotes and non-ASCII as
/// themselves, not <c>\u003E</c>): the protocol is never embedded in HTML, and operators read
/// <c>ctl --json</c>. Control characters are still escaped.
/// </summary>
/// <remarks>
/// Why not <see cref="ControlJson"/>'s metadata: building it for a <see cref="ControlReply"/>
/// (every type a reply can hold) made the JIT compile about 1,000 generic methods, some 60 ms, at
/// an engine's first reply; the generated writer needs none of it.
/// </remarks>
public static class ControlWire
{
    /// <summary>For a <see cref="Utf8JsonWriter"/>, whose own options decide the escaping.</summary>
    public static JsonWriterOptions Writer { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes into a writer made with <see cref="Writer"/> (the escaping is the writer's, not these options').</summary>
    public static JsonTypeInfo<ControlReply> Reply => ControlWriter.Default.ControlReply;

    /// <summary>One reply as a protocol line, newline included.</summary>
    public static byte[] Line(ControlReply reply)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Writer))
            JsonSerializer.Serialize(json, reply, Reply);
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
