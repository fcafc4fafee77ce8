using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Unicode;

namespace TuiSupervisor.Toml;

/// <summary>Entry point: TOML 1.0.0 text in, a table tree with positions (or the first error) out.</summary>
public static class TomlDocument
{
    /// <summary>
    /// Parses UTF-8 bytes, decoding strictly: malformed UTF-8 (including UTF-16 text) and anything
    /// TOML 1.0.0 forbids are errors. One UTF-8 BOM at the very start is skipped; anywhere else
    /// U+FEFF is an ordinary character, which TOML allows only inside strings and comments.
    /// Line breaks inside multi-line strings are returned as LF even when the file uses CRLF.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out TomlTable? root,
        [NotNullWhen(false)] out TomlError? error)
    {
        root = null;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes code units, so this always fits.
        var text = new char[utf8.Length];
        var status = Utf8.ToUtf16(utf8, text, out var bytesRead, out var length, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            error = InvalidUtf8(utf8, bytesRead, text.AsSpan(0, length));
            return false;
        }

        try
        {
            root = new TomlParser(new TomlScanner(text, length)).Parse();
            error = null;
            return true;
        }
        catch (TomlSyntaxException exception)
        {
            error = exception.Error;
            return false;
        }
    }

    private static TomlError InvalidUtf8(ReadOnlySpan<byte> utf8, int offset, ReadOnlySpan<char> decoded)
    {
        var lineStart = decoded.LastIndexOf('\n') + 1;
        var position = new TomlPosition(decoded.Count('\n') + 1, decoded.Length - lineStart + 1);
        if (offset == 0 && utf8 is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return new TomlError(position, "the file is UTF-16 (it starts with a UTF-16 byte order mark); TOML must be UTF-8");
        }

        return new TomlError(position, $"invalid UTF-8 (byte 0x{utf8[offset]:X2}); TOML must be UTF-8");
    }
}
