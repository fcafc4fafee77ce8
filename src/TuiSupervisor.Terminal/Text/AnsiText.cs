using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// Turns a line of untrusted program output into styled text that is safe to draw: the
/// program's colours and attributes (SGR) are kept; nothing else it sends can act on the
/// terminal.
/// </summary>
/// <remarks>
/// <para>What happens to each thing a program may send:</para>
/// <list type="bullet">
/// <item>SGR (<c>ESC [ … m</c>): applied — 16, 256 and 24-bit colours, bold, dim, italic,
/// underline, reverse, strikethrough, their offs, 39/49; reset (0) returns to the base style.</item>
/// <item>Every other complete escape sequence — other CSI (cursor moves, erase, scroll regions,
/// modes), OSC (titles, hyperlinks: the link's text stays), DCS, APC, PM, SOS, charset and
/// two-byte escapes: dropped, as a terminal would not show them as text either.</item>
/// <item>A broken sequence (an ESC that starts none, a control byte inside one, one longer than
/// <see cref="MaxControlSequenceLength"/> or <see cref="MaxStringSequenceLength"/> bytes): the ESC
/// is shown as ␛ and what follows as text, so a hostile unterminated sequence hides at most a
/// few kilobytes and never the rest of the log.</item>
/// <item>C0 controls (BEL, backspace, a CR that does not end the line, …) and DEL: shown as their
/// Unicode control pictures (␇, ␈, ␍, ␡); a tab expands to the next 8-column stop; a CR at the end
/// of the line (CRLF) is dropped.</item>
/// <item>C1 controls (U+0080–U+009F, which some terminals read as ESC sequences), bidirectional
/// overrides and isolates (which can make text read differently from what it is), and invalid
/// UTF-8: shown as U+FFFD.</item>
/// </list>
/// <para>
/// One pass over the bytes, ASCII runs copied in blocks, a pooled character buffer: a plain line
/// costs its string, its span array and the line object.
/// </para>
/// </remarks>
public static class AnsiText
{
    /// <summary>The longest CSI sequence accepted (parameters included).</summary>
    public const int MaxControlSequenceLength = 64;

    /// <summary>The longest OSC, DCS, APC, PM or SOS string accepted.</summary>
    public const int MaxStringSequenceLength = 4096;

    private const char Escape = '\u241B';
    private const int TabStop = 8;

    /// <summary>Parses one line (without its newline) starting in <paramref name="baseStyle"/>.</summary>
    public static StyledLine Parse(ReadOnlySpan<byte> utf8Line, Style baseStyle)
    {
        var current = baseStyle;
        return Parse(utf8Line, baseStyle, ref current);
    }

    /// <summary>Parses a line given as a string (tests, messages); the same rules apply.</summary>
    public static StyledLine Parse(string line, Style baseStyle)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Parse(Encoding.UTF8.GetBytes(line), baseStyle);
    }

    /// <summary>
    /// Parses one line starting in <paramref name="current"/> and leaves there the style in force
    /// at its end, so colours set on one line carry over to the next, as in a terminal.
    /// </summary>
    public static StyledLine Parse(ReadOnlySpan<byte> utf8Line, Style baseStyle, ref Style current)
    {
        var builder = new LineBuilder(utf8Line.Length, current);
        try
        {
            var i = 0;
            while (i < utf8Line.Length)
            {
                var b = utf8Line[i];
                if (b is >= 0x20 and < 0x7f)
                {
                    var run = i + 1;
                    while (run < utf8Line.Length && utf8Line[run] is >= 0x20 and < 0x7f)
                        run++;
                    builder.AppendAscii(utf8Line[i..run]);
                    i = run;
                }
                else if (b == 0x1b)
                {
                    i = EscapeSequence(utf8Line, i, baseStyle, ref builder);
                }
                else if (b < 0x80)
                {
                    Control(b, i == utf8Line.Length - 1, ref builder);
                    i++;
                }
                else
                {
                    if (Rune.DecodeFromUtf8(utf8Line[i..], out var rune, out var used) != OperationStatus.Done)
                        rune = Rune.ReplacementChar;
                    builder.AppendRune(IsHidden(rune) ? Rune.ReplacementChar : rune);
                    i += Math.Max(1, used);
                }
            }

            current = builder.Style;
            return builder.Build();
        }
        finally
        {
            builder.Dispose();
        }
    }

    private static void Control(byte b, bool last, ref LineBuilder builder)
    {
        switch (b)
        {
            case (byte)'\t':
                builder.AppendSpaces(TabStop - (builder.Column % TabStop));
                break;
            case (byte)'\r' when last:
                break;
            case 0x7f:
                builder.AppendRune(new Rune('\u2421'));
                break;
            default:
                builder.AppendRune(new Rune('\u2400' + b));
                break;
        }
    }

    /// <summary>Handles the ESC at <paramref name="start"/>; returns where parsing goes on.</summary>
    private static int EscapeSequence(ReadOnlySpan<byte> line, int start, Style baseStyle, ref LineBuilder builder)
    {
        if (start + 1 >= line.Length)
            return ShowEscape(start, ref builder);
        var kind = line[start + 1];
        switch (kind)
        {
            case (byte)'[':
                return ControlSequence(line, start, baseStyle, ref builder);
            case (byte)']' or (byte)'P' or (byte)'X' or (byte)'^' or (byte)'_':
                return StringSequence(line, start, ref builder);
            case >= 0x20 and <= 0x2f:
                {
                    // nF escape (charset designation and the like): intermediates, then one final byte.
                    var j = start + 1;
                    while (j < line.Length && line[j] is >= 0x20 and <= 0x2f)
                        j++;
                    if (j < line.Length && line[j] is >= 0x30 and <= 0x7e)
                        return j + 1;
                    return ShowEscape(start, ref builder);
                }

            case >= 0x30 and <= 0x7e:
                return start + 2; // Two-byte escapes: save/restore cursor, reset, keypad modes, index…
            default:
                return ShowEscape(start, ref builder);
        }
    }

    private static int ControlSequence(ReadOnlySpan<byte> line, int start, Style baseStyle, ref LineBuilder builder)
    {
        var j = start + 2;
        var parametersEnd = -1;
        while (j < line.Length)
        {
            var b = line[j];
            if (j - start > MaxControlSequenceLength)
                return ShowEscape(start, ref builder);
            if (b is >= 0x40 and <= 0x7e)
            {
                if (b == 'm' && parametersEnd < 0)
                    builder.ApplySgr(line[(start + 2)..j], baseStyle);
                return j + 1;
            }

            if (b is >= 0x20 and <= 0x2f)
                parametersEnd = j; // Intermediate bytes: not a plain SGR.
            else if (b is < 0x30 or > 0x3f)
                return ShowEscape(start, ref builder);
            else if (b is (byte)'<' or (byte)'=' or (byte)'>' or (byte)'?')
                parametersEnd = j; // A private marker: not SGR either.
            j++;
        }

        return line.Length; // Cut off by the end of the line: only parameters are lost.
    }

    private static int StringSequence(ReadOnlySpan<byte> line, int start, ref LineBuilder builder)
    {
        var j = start + 2;
        while (j < line.Length && j - start <= MaxStringSequenceLength)
        {
            var b = line[j];
            if (b == 0x07)
                return j + 1;
            if (b == 0x1b && j + 1 < line.Length && line[j + 1] == '\\')
                return j + 2;
            j++;
        }

        return j >= line.Length && j - start <= MaxStringSequenceLength ? line.Length : ShowEscape(start, ref builder);
    }

    private static int ShowEscape(int start, ref LineBuilder builder)
    {
        builder.AppendRune(new Rune(Escape));
        return start + 1;
    }

    /// <summary>C1 controls and the bidirectional controls that can disguise text.</summary>
    private static bool IsHidden(Rune rune) => rune.Value is >= 0x80 and <= 0x9f or >= 0x202a and <= 0x202e or >= 0x2066 and <= 0x2069 or 0x200e or 0x200f or 0x61c;

    /// <summary>Collects characters in a pooled buffer and cuts a span wherever the style changes.</summary>
    private ref struct LineBuilder
    {
        private char[] _chars;
        private int _length;
        private int _spanStart;
        private Style _spanStyle;
        private ImmutableArray<StyledSpan>.Builder? _spans;
        private StyledSpan _first;
        private int _width;
        private int _spanCount;

        public LineBuilder(int capacity, Style style)
        {
            _chars = ArrayPool<char>.Shared.Rent(Math.Max(16, capacity + 8));
            _spanStyle = style;
            Style = style;
        }

        public Style Style { get; private set; }

        public readonly int Column => _width;

        public void AppendAscii(ReadOnlySpan<byte> ascii)
        {
            Ensure(ascii.Length);
            for (var k = 0; k < ascii.Length; k++)
                _chars[_length + k] = (char)ascii[k];
            _length += ascii.Length;
            _width += ascii.Length;
        }

        public void AppendSpaces(int count)
        {
            Ensure(count);
            _chars.AsSpan(_length, count).Fill(' ');
            _length += count;
            _width += count;
        }

        public void AppendRune(Rune rune)
        {
            Ensure(2);
            _length += rune.EncodeToUtf16(_chars.AsSpan(_length));
            _width += CellWidth.Of(rune);
        }

        public void ApplySgr(ReadOnlySpan<byte> parameters, Style baseStyle)
        {
            Span<int> values = stackalloc int[32];
            Span<bool> isSub = stackalloc bool[32];
            var count = 0;
            var value = 0;
            var sub = false;
            foreach (var b in parameters)
            {
                if (b is (byte)';' or (byte)':')
                {
                    if (count < values.Length)
                    {
                        values[count] = value;
                        isSub[count++] = sub;
                    }

                    value = 0;
                    sub = b == ':';
                }
                else if (b is >= (byte)'0' and <= (byte)'9')
                {
                    value = Math.Min((value * 10) + (b - '0'), 100_000);
                }
            }

            if (count < values.Length && (parameters.Length > 0 || count == 0))
            {
                values[count] = value;
                isSub[count++] = sub;
            }

            Style = Sgr.Apply(Style, baseStyle, values[..count], isSub[..count]);
        }

        public StyledLine Build()
        {
            Flush();
            return _spanCount switch
            {
                0 => StyledLine.Empty,
                1 => StyledLine.FromBuiltSpans([_first], _width),
                _ => StyledLine.FromBuiltSpans(_spans!.ToImmutable(), _width),
            };
        }

        public readonly void Dispose() => ArrayPool<char>.Shared.Return(_chars);

        private void Ensure(int more)
        {
            if (Style != _spanStyle)
            {
                Flush();
                _spanStyle = Style;
            }

            if (_length + more <= _chars.Length)
                return;
            var bigger = ArrayPool<char>.Shared.Rent((_chars.Length * 2) + more);
            _chars.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }

        private void Flush()
        {
            if (_length == _spanStart)
                return;
            var span = new StyledSpan(new string(_chars, _spanStart, _length - _spanStart), _spanStyle);
            _spanStart = _length;
            if (_spanCount == 0)
            {
                _first = span;
            }
            else
            {
                if (_spans is null)
                {
                    _spans = ImmutableArray.CreateBuilder<StyledSpan>();
                    _spans.Add(_first);
                }

                _spans.Add(span);
            }

            _spanCount++;
        }
    }
}
