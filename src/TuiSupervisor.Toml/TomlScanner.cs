using System.Globalization;
using System.Text;

namespace TuiSupervisor.Toml;

/// <summary>
/// A cursor over the decoded document that keeps the current line and column, so that every
/// reader can stamp positions on what it produces and point errors at the offending character.
/// The readers consume newlines only through <see cref="TryConsumeNewline"/>, which is what keeps
/// the line count right, including inside multi-line strings.
/// </summary>
internal sealed class TomlScanner(char[] text, int length)
{
    /// <summary>What <see cref="Peek()"/> returns past the last character.</summary>
    public const int End = -1;

    private int _offset;
    private int _line = 1;
    private int _lineStart;

    public int Offset => _offset;

    public bool AtEnd => _offset >= length;

    public TomlPosition Position => new(_line, _offset - _lineStart + 1);

    /// <summary>The text from the cursor to the end of the document.</summary>
    public ReadOnlySpan<char> Remaining => text.AsSpan(_offset, length - _offset);

    public int Peek() => _offset < length ? text[_offset] : End;

    public int Peek(int ahead)
    {
        var index = _offset + ahead;
        return index < length ? text[index] : End;
    }

    /// <summary>Moves over characters that are not line breaks.</summary>
    public void Advance(int count = 1) => _offset += count;

    public string Substring(int start, int count) => new(text, start, count);

    /// <summary>Consumes LF or CRLF; a CR on its own is an error wherever it appears.</summary>
    public bool TryConsumeNewline()
    {
        var c = Peek();
        if (c == '\n')
        {
            _offset++;
        }
        else if (c == '\r' && Peek(1) == '\n')
        {
            _offset += 2;
        }
        else if (c == '\r')
        {
            throw Error("bare carriage return; a line break must be LF or CRLF");
        }
        else
        {
            return false;
        }

        _line++;
        _lineStart = _offset;
        return true;
    }

    public bool AtNewline()
    {
        var c = Peek();
        return c == '\n' || (c == '\r' && Peek(1) == '\n');
    }

    public void SkipWhitespace()
    {
        while (_offset < length && text[_offset] is ' ' or '\t')
        {
            _offset++;
        }
    }

    /// <summary>Skips a comment if one starts here, leaving the cursor on its line break.</summary>
    public void SkipComment()
    {
        if (Peek() != '#')
        {
            return;
        }

        _offset++;
        while (_offset < length)
        {
            var c = text[_offset];
            if (c == '\n' || (c == '\r' && Peek(1) == '\n'))
            {
                return;
            }

            if (IsForbiddenControl(c))
            {
                throw Error($"{Describe(c)} is not allowed in a comment");
            }

            _offset++;
        }
    }

    /// <summary>Skips everything that may separate array elements: spaces, tabs, comments, line breaks.</summary>
    public void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespace();
            SkipComment();
            if (!TryConsumeNewline())
            {
                return;
            }
        }
    }

    /// <summary>Consumes <paramref name="c"/> or fails saying what was expected instead.</summary>
    public void Expect(char c, string context)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}' {context}, found {DescribeNext()}");
        }

        _offset++;
    }

    public TomlSyntaxException Error(string message) => new(new TomlError(Position, message));

    public static TomlSyntaxException Error(TomlPosition position, string message) => new(new TomlError(position, message));

    /// <summary>
    /// How the character <paramref name="ahead"/> places after the cursor reads in a message:
    /// <c>'x'</c>, <c>control character U+0007</c>, <c>end of line</c>.
    /// </summary>
    public string DescribeNext(int ahead = 0)
    {
        var index = _offset + ahead;
        if (index >= length)
        {
            return "end of file";
        }

        if (text[index] == '\n' || (text[index] == '\r' && Peek(ahead + 1) == '\n'))
        {
            return "end of line";
        }

        // Decoding keeps a character outside the BMP whole instead of describing half a surrogate pair.
        Rune.DecodeFromUtf16(text.AsSpan(index, length - index), out var rune, out _);
        return Describe(rune.Value);
    }

    public static string Describe(int codePoint)
    {
        switch (codePoint)
        {
            case End:
                return "end of file";
            case '\n':
                return "end of line";
            case '\r':
                return "carriage return";
            case '\t':
                return "a tab";
            case ' ':
                return "a space";
            case 0xFEFF:
                return "a byte order mark (U+FEFF)";
            case > ' ' and < 0x7F:
                return $"'{(char)codePoint}'";
        }

        var hex = string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4}");
        if (!Rune.IsValid(codePoint))
        {
            return hex;
        }

        var rune = new Rune(codePoint);
        if (Rune.IsControl(rune))
        {
            return $"control character {hex}";
        }

        // Spaces and invisible characters would vanish between quotes; show only their code point.
        return Rune.IsLetterOrDigit(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune) ? $"'{rune}' ({hex})" : hex;
    }

    /// <summary>Control characters TOML forbids in comments and strings; tab is the one allowed.</summary>
    public static bool IsForbiddenControl(int c) => c is (< 0x20 and not '\t') or 0x7F;

    /// <summary>The value of a hexadecimal digit, or -1 when <paramref name="c"/> is not one.</summary>
    internal static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
