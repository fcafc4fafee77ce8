using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// How replies are written: <see cref="ControlJson"/>'s generated metadata, but with text left
/// readable ('&gt;', quotes and non-ASCII as themselves, not <c>\u003E</c>): the protocol is never
/// embedded in HTML, and operators read <c>ctl --json</c>. Control characters are still escaped.
/// </summary>
public static class ControlWire
{
    private static readonly JsonSerializerOptions Readable = new(ControlJson.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>For a <see cref="Utf8JsonWriter"/>, whose own options decide the escaping.</summary>
    public static JsonWriterOptions Writer { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonTypeInfo<ControlReply> Reply { get; } = (JsonTypeInfo<ControlReply>)Readable.GetTypeInfo(typeof(ControlReply));

    public static JsonTypeInfo<IReadOnlyList<ProcessStatus>> Status { get; } = (JsonTypeInfo<IReadOnlyList<ProcessStatus>>)Readable.GetTypeInfo(typeof(IReadOnlyList<ProcessStatus>));
}
