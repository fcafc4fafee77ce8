using System.Buffers;
using System.Globalization;
using System.Text;

namespace TuiSupervisor.Toml;

/// <summary>
/// Reads the four string forms. Plain text is found in bulk with vectorized searches for the few
/// characters that need attention, so a long string costs one copy rather than a step per
/// character. Line breaks inside multi-line strings come out as LF whatever the file used, so a
/// config saved with CRLF line endings gives the same values.
/// </summary>
internal sealed class TomlStringReader
{
    // Tab is the one control character that strings may hold as is, so it is missing here; LF and
    // CR are here because they end a one-line string and are normalized in multi-line ones.
    private const string ControlCharacters =
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

    private static readonly SearchValues<char> _basicStops = SearchValues.Create("\"\\" + ControlCharacters);
    private static readonly SearchValues<char> _literalStops = SearchValues.Create("'" + ControlCharacters);

    // Reused across strings: only strings with escapes or line breaks are built here.
    private readonly StringBuilder _buffer = new();

    /// <summary>True when the cursor is on <c>"""</c> or <c>'''</c>.</summary>
    public static bool AtMultiline(TomlScanner scanner)
    {
        var quote = scanner.Peek();
        return scanner.Peek(1) == quote && scanner.Peek(2) == quote;
    }

    /// <summary>Reads a string of any form; the cursor is on its opening quote.</summary>
    public string Read(TomlScanner scanner)
    {
        var basic = scanner.Peek() == '"';
        if (AtMultiline(scanner))
        {
            return basic ? ReadMultilineBasic(scanner) : ReadMultilineLiteral(scanner);
        }

        return basic ? ReadBasic(scanner) : ReadLiteral(scanner);
    }

    /// <summary>Reads a one-line string, the only kind a key may be.</summary>
    public string ReadSingleLine(TomlScanner scanner) =>
        scanner.Peek() == '"' ? ReadBasic(scanner) : ReadLiteral(scanner);

    private string ReadBasic(TomlScanner scanner)
    {
        var opening = scanner.Position;
        scanner.Advance();
        var rest = scanner.Remaining;
        var stop = rest.IndexOfAny(_basicStops);
        if (stop >= 0 && rest[stop] == '"')
        {
            var start = scanner.Offset;
            scanner.Advance(stop + 1);
            return scanner.Substring(start, stop);
        }

        _buffer.Clear();
        while (true)
        {
            rest = scanner.Remaining;
            stop = rest.IndexOfAny(_basicStops);
            if (stop < 0)
            {
                scanner.Advance(rest.Length);
                throw Unterminated(scanner, opening, "\"");
            }

            _buffer.Append(rest[..stop]);
            scanner.Advance(stop);
            switch (rest[stop])
            {
                case '"':
                    scanner.Advance();
                    return _buffer.ToString();
                case '\\':
                    ReadEscape(scanner);
                    break;
                case '\n' or '\r':
                    throw Unterminated(scanner, opening, "\"");
                default:
                    throw ControlCharacter(scanner, literal: false);
            }
        }
    }

    private string ReadMultilineBasic(TomlScanner scanner)
    {
        var opening = scanner.Position;
        scanner.Advance(3);
        scanner.TryConsumeNewline();
        _buffer.Clear();
        while (true)
        {
            var rest = scanner.Remaining;
            var stop = rest.IndexOfAny(_basicStops);
            if (stop < 0)
            {
                scanner.Advance(rest.Length);
                throw Unterminated(scanner, opening, "\"\"\"");
            }

            _buffer.Append(rest[..stop]);
            scanner.Advance(stop);
            switch (rest[stop])
            {
                case '"':
                    if (ReadQuotesOrClose(scanner, '"'))
                    {
                        return _buffer.ToString();
                    }

                    break;
                case '\\' when IsLineEndingBackslash(scanner):
                    SkipLineEndingBackslash(scanner);
                    break;
                case '\\':
                    ReadEscape(scanner);
                    break;
                case '\n' or '\r':
                    scanner.TryConsumeNewline();
                    _buffer.Append('\n');
                    break;
                default:
                    throw ControlCharacter(scanner, literal: false);
            }
        }
    }

    private static string ReadLiteral(TomlScanner scanner)
    {
        var opening = scanner.Position;
        scanner.Advance();
        var start = scanner.Offset;
        var rest = scanner.Remaining;
        var stop = rest.IndexOfAny(_literalStops);
        if (stop < 0)
        {
            scanner.Advance(rest.Length);
            throw Unterminated(scanner, opening, "'");
        }

        scanner.Advance(stop);
        return rest[stop] switch
        {
            '\'' => Close(scanner, start, stop),
            '\n' or '\r' => throw Unterminated(scanner, opening, "'"),
            _ => throw ControlCharacter(scanner, literal: true),
        };

        static string Close(TomlScanner scanner, int start, int count)
        {
            scanner.Advance();
            return scanner.Substring(start, count);
        }
    }

    private string ReadMultilineLiteral(TomlScanner scanner)
    {
        var opening = scanner.Position;
        scanner.Advance(3);
        scanner.TryConsumeNewline();
        _buffer.Clear();
        while (true)
        {
            var rest = scanner.Remaining;
            var stop = rest.IndexOfAny(_literalStops);
            if (stop < 0)
            {
                scanner.Advance(rest.Length);
                throw Unterminated(scanner, opening, "'''");
            }

            _buffer.Append(rest[..stop]);
            scanner.Advance(stop);
            switch (rest[stop])
            {
                case '\'':
                    if (ReadQuotesOrClose(scanner, '\''))
                    {
                        return _buffer.ToString();
                    }

                    break;
                case '\n' or '\r':
                    scanner.TryConsumeNewline();
                    _buffer.Append('\n');
                    break;
                default:
                    throw ControlCharacter(scanner, literal: true);
            }
        }
    }

    /// <summary>
    /// Handles a run of quotes inside a multi-line string. Three close it, and up to two more just
    /// before the closing three belong to the content (<c>""""" </c> ends with two quotes); fewer
    /// than three are content.
    /// </summary>
    private bool ReadQuotesOrClose(TomlScanner scanner, char quote)
    {
        var count = 0;
        while (count < 5 && scanner.Peek(count) == quote)
        {
            count++;
        }

        scanner.Advance(count);
        if (count < 3)
        {
            _buffer.Append(quote, count);
            return false;
        }

        _buffer.Append(quote, count - 3);
        return true;
    }

    /// <summary>A backslash that is followed only by spaces or tabs up to the end of the line.</summary>
    private static bool IsLineEndingBackslash(TomlScanner scanner)
    {
        var ahead = 1;
        while (scanner.Peek(ahead) is ' ' or '\t')
        {
            ahead++;
        }

        var c = scanner.Peek(ahead);
        return c == '\n' || (c == '\r' && scanner.Peek(ahead + 1) == '\n');
    }

    /// <summary>A line-ending backslash removes itself and all whitespace and line breaks after it.</summary>
    private static void SkipLineEndingBackslash(TomlScanner scanner)
    {
        scanner.Advance();
        while (true)
        {
            scanner.SkipWhitespace();
            if (!scanner.TryConsumeNewline())
            {
                return;
            }
        }
    }

    private void ReadEscape(TomlScanner scanner)
    {
        var backslash = scanner.Position;
        var c = scanner.Peek(1);
        switch (c)
        {
            case 'b': _buffer.Append('\b'); break;
            case 't': _buffer.Append('\t'); break;
            case 'n': _buffer.Append('\n'); break;
            case 'f': _buffer.Append('\f'); break;
            case 'r': _buffer.Append('\r'); break;
            case '"': _buffer.Append('"'); break;
            case '\\': _buffer.Append('\\'); break;
            case 'u':
                ReadUnicodeEscape(scanner, backslash, 4);
                return;
            case 'U':
                ReadUnicodeEscape(scanner, backslash, 8);
                return;
            case > ' ' and < (char)0x7F:
                throw TomlScanner.Error(backslash, $"invalid escape '\\{(char)c}' in string");
            default:
                throw TomlScanner.Error(backslash, $"invalid escape in string: '\\' followed by {scanner.DescribeNext(1)}");
        }

        scanner.Advance(2);
    }

    private void ReadUnicodeEscape(TomlScanner scanner, TomlPosition backslash, int digits)
    {
        var letter = (char)scanner.Peek(1);
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var digit = TomlScanner.HexValue(scanner.Peek(2 + i));
            if (digit < 0)
            {
                throw TomlScanner.Error(backslash, $"expected {digits} hex digits after '\\{letter}'");
            }

            // Eight digits can exceed int; anything above U+10FFFF is rejected below anyway.
            value = (int)Math.Min(((long)value << 4) | (uint)digit, int.MaxValue);
        }

        if (value is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            var written = scanner.Substring(scanner.Offset, digits + 2);
            throw TomlScanner.Error(backslash, $"'{written}' is not a Unicode scalar value");
        }

        if (value <= 0xFFFF)
        {
            _buffer.Append((char)value);
        }
        else
        {
            value -= 0x10000;
            _buffer.Append((char)(0xD800 + (value >> 10))).Append((char)(0xDC00 + (value & 0x3FF)));
        }

        scanner.Advance(digits + 2);
    }

    private static TomlSyntaxException Unterminated(TomlScanner scanner, TomlPosition opening, string delimiter) =>
        scanner.Error($"unterminated string (opened at {opening}): expected closing {delimiter} before {scanner.DescribeNext()}");

    private static TomlSyntaxException ControlCharacter(TomlScanner scanner, bool literal)
    {
        var c = scanner.Peek();
        var what = TomlScanner.Describe(c);
        return literal
            ? scanner.Error($"{what} is not allowed in a literal string")
            : scanner.Error(string.Create(CultureInfo.InvariantCulture, $"{what} is not allowed in a string; write it as \\u{c:X4}"));
    }
}
