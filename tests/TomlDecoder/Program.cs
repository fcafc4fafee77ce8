using System.Text.Encodings.Web;
using System.Text.Json;
using TuiSupervisor.Toml;

namespace TomlDecoder;

/// <summary>
/// The decoder toml-test drives: TOML on stdin, tagged JSON on stdout and exit 0, or one
/// "line:col: message" line on stderr and exit 1.
/// </summary>
internal static class Program
{
    private static int Main()
    {
        using var input = new MemoryStream();
        using (var stdin = Console.OpenStandardInput())
        {
            stdin.CopyTo(input);
        }

        if (!TomlDocument.TryParse(input.GetBuffer().AsSpan(0, (int)input.Length), out var root, out var error))
        {
            Console.Error.WriteLine(error);
            return 1;
        }

        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        TaggedJson.Write(writer, root);
        writer.Flush();
        stdout.WriteByte((byte)'\n');
        return 0;
    }
}
