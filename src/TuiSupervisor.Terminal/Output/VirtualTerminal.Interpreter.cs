using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>The byte interpreter of <see cref="VirtualTerminal"/>: a small VT100/xterm subset.</summary>
public sealed partial class VirtualTerminal
{
    private const int MaxSequenceLength = 256;

    private readonly List<byte> _sequence = [];
    private readonly byte[] _utf8 = new byte[4];
    private State _state;
    private int _utf8Length;
    private int _utf8Needed;
    private bool _wrapPending;
    private Style _style;
    private int _lastPrinted = -1;

    private enum State
    {
        Ground,
        Escape,
        Charset,
        Csi,
        Osc,
        OscEscape,
        IgnoredString,
        IgnoredStringEscape,
    }

    private void Interpret(byte b)
    {
        switch (_state)
        {
            case State.Ground:
                Ground(b);
                break;
            case State.Escape:
                EscapeByte(b);
                break;
            case State.Charset:
                _state = State.Ground;
                break;
            case State.Csi:
                if (b is >= 0x40 and <= 0x7e)
                {
                    _state = State.Ground;
                    DispatchCsi((char)b);
                }
                else if (_sequence.Count < MaxSequenceLength)
                {
                    _sequence.Add(b);
                }

                break;
            case State.Osc:
                if (b == 0x07)
                    EndOsc();
                else if (b == 0x1b)
                    _state = State.OscEscape;
                else if (_sequence.Count < MaxSequenceLength)
                    _sequence.Add(b);
                break;
            case State.OscEscape:
                EndOsc();
                break;
            case State.IgnoredString:
                if (b == 0x1b)
                    _state = State.IgnoredStringEscape;
                break;
            case State.IgnoredStringEscape:
                _state = b == '\\' ? State.Ground : State.IgnoredString;
                break;
        }
    }

    private void Ground(byte b)
    {
        if (_utf8Needed > 0)
        {
            if ((b & 0xc0) == 0x80)
            {
                _utf8[_utf8Length++] = b;
                if (--_utf8Needed == 0)
                    PrintUtf8();
                return;
            }

            _utf8Needed = 0;
            Print(Rune.ReplacementChar);
        }

        if (b >= 0x80)
        {
            _utf8Needed = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0;
            if (_utf8Needed == 0)
            {
                Print(Rune.ReplacementChar);
                return;
            }

            _utf8[0] = b;
            _utf8Length = 1;
            return;
        }

        switch (b)
        {
            case 0x1b:
                _state = State.Escape;
                _sequence.Clear();
                break;
            case (byte)'\r':
                CursorX = 0;
                _wrapPending = false;
                break;
            case (byte)'\n' or 0x0b or 0x0c:
                LineFeed();
                break;
            case 0x08:
                CursorX = Math.Max(0, CursorX - 1);
                _wrapPending = false;
                break;
            case (byte)'\t':
                CursorX = Math.Min(Width - 1, ((CursorX / 8) + 1) * 8);
                break;
            case < 0x20 or 0x7f:
                break;
            default:
                Print(new Rune(b));
                break;
        }
    }

    private void PrintUtf8()
    {
        var status = Rune.DecodeFromUtf8(_utf8.AsSpan(0, _utf8Length), out var rune, out _);
        Print(status == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar);
    }

    private void EscapeByte(byte b)
    {
        _state = State.Ground;
        switch ((char)b)
        {
            case '[': _state = State.Csi; break;
            case ']': _state = State.Osc; break;
            case 'P' or 'X' or '^' or '_': _state = State.IgnoredString; break;
            case '(' or ')' or '*' or '+': _state = State.Charset; break;
            case '7': _savedCursor = (CursorX, CursorY); break;
            case '8': (CursorX, CursorY) = _savedCursor; break;
            case '=' or '>': break;
            case 'D': LineFeed(); break;
            case 'E': CursorX = 0; LineFeed(); break;
            case 'M': CursorY = Math.Max(0, CursorY - 1); break;
            default: _unknown.Add("ESC " + (char)b); break;
        }
    }

    private void EndOsc()
    {
        _state = State.Ground;
        var text = Encoding.UTF8.GetString([.. _sequence]);
        if (text.StartsWith("0;", StringComparison.Ordinal) || text.StartsWith("2;", StringComparison.Ordinal))
            Title = text[2..];
        else
            _unknown.Add("OSC " + text);
    }

    private void DispatchCsi(char final)
    {
        var raw = Encoding.ASCII.GetString([.. _sequence]);
        var isPrivate = raw.StartsWith('?');
        var body = isPrivate ? raw[1..] : raw;
        var parts = body.Length == 0 ? [] : body.Split(';', ':');
        var values = parts.Select(p => int.TryParse(p, out var v) ? v : 0).ToArray();
        var isSub = new bool[values.Length];
        for (int i = 0, at = 0; i < parts.Length; at += parts[i].Length + 1, i++)
            isSub[i] = at > 0 && body[at - 1] == ':';
        int Arg(int index, int fallback) => index < values.Length && values[index] > 0 ? values[index] : fallback;

        _wrapPending = false;
        switch (final)
        {
            case 'H' or 'f' when !isPrivate:
                CursorY = Math.Clamp(Arg(0, 1) - 1, 0, Height - 1);
                CursorX = Math.Clamp(Arg(1, 1) - 1, 0, Width - 1);
                break;
            case 'A': CursorY = Math.Max(0, CursorY - Arg(0, 1)); break;
            case 'B': CursorY = Math.Min(Height - 1, CursorY + Arg(0, 1)); break;
            case 'C': CursorX = Math.Min(Width - 1, CursorX + Arg(0, 1)); break;
            case 'D': CursorX = Math.Max(0, CursorX - Arg(0, 1)); break;
            case 'G': CursorX = Math.Clamp(Arg(0, 1) - 1, 0, Width - 1); break;
            case 'd': CursorY = Math.Clamp(Arg(0, 1) - 1, 0, Height - 1); break;
            case 'J' when !isPrivate: EraseDisplay(values.Length > 0 ? values[0] : 0); break;
            case 'K' when !isPrivate: EraseLine(values.Length > 0 ? values[0] : 0); break;
            case 'm' when !isPrivate: _style = Sgr.Apply(_style, Style.Default, values, isSub); break;
            case 's' when !isPrivate: _savedCursor = (CursorX, CursorY); break;
            case 'u' when !isPrivate: (CursorX, CursorY) = _savedCursor; break;
            case 'h' or 'l' when isPrivate:
                foreach (var mode in values)
                    SetMode(mode, final == 'h', raw + final);
                break;
            default:
                _unknown.Add("CSI " + raw + final);
                break;
        }
    }

    private void SetMode(int mode, bool on, string sequence)
    {
        switch (mode)
        {
            case 25: CursorVisible = on; break;
            case 1049 or 1047 or 47:
                if (on == AlternateScreen)
                    break;
                if (on)
                {
                    _savedCursor = (CursorX, CursorY);
                    Array.Fill(_alternate, Cell.Blank);
                }

                AlternateScreen = on;
                if (!on)
                    (CursorX, CursorY) = _savedCursor;
                break;
            case 1000 or 1002 or 1003: MouseTracking = on; break;
            case 1006: SgrMouse = on; break;
            case 2004: BracketedPaste = on; break;
            case 1 or 7 or 12 or 2026: break;
            default: _unknown.Add("CSI " + sequence); break;
        }
    }

    private void Print(Rune rune)
    {
        var width = CellWidth.Of(rune);
        if (width == 0)
        {
            if (_lastPrinted >= 0 && !Rune.IsControl(rune))
                Grid[_lastPrinted] = Grid[_lastPrinted] with { Text = Grid[_lastPrinted].Text + rune };
            return;
        }

        if (_wrapPending || (width == 2 && CursorX == Width - 1))
        {
            CursorX = 0;
            LineFeed();
            _wrapPending = false;
        }

        var row = CursorY * Width;
        BreakWide(row, CursorX);
        Grid[row + CursorX] = new Cell(rune.ToString(), width, _style);
        if (width == 2)
        {
            BreakWide(row, CursorX + 1);
            Grid[row + CursorX + 1] = new Cell("", 0, _style);
        }

        _lastPrinted = row + CursorX;
        if (CursorX + width >= Width)
        {
            CursorX = Width - 1;
            _wrapPending = true;
        }
        else
        {
            CursorX += width;
        }
    }

    private void BreakWide(int row, int x)
    {
        var cell = Grid[row + x];
        if (cell.IsContinuation && x > 0)
            Grid[row + x - 1] = Cell.BlankIn(Grid[row + x - 1].Style);
        else if (cell.Width == 2 && x + 1 < Width)
            Grid[row + x + 1] = Cell.BlankIn(cell.Style);
    }

    private void LineFeed()
    {
        _lastPrinted = -1;
        if (CursorY < Height - 1)
        {
            CursorY++;
            return;
        }

        var grid = Grid;
        if (!AlternateScreen)
            _scrollback.Add(RowText(0).TrimEnd(' '));
        Array.Copy(grid, Width, grid, 0, Width * (Height - 1));
        Array.Fill(grid, Cell.BlankIn(ErasedStyle), Width * (Height - 1), Width);
    }

    /// <summary>Erased cells take the current background (xterm's back-colour erase).</summary>
    private Style ErasedStyle => Style.Default.WithBackground(_style.Background);

    private void EraseDisplay(int mode)
    {
        var cursor = (CursorY * Width) + CursorX;
        var (from, to) = mode switch
        {
            0 => (cursor, Width * Height),
            1 => (0, cursor + 1),
            _ => (0, Width * Height),
        };
        Array.Fill(Grid, Cell.BlankIn(ErasedStyle), from, to - from);
        _lastPrinted = -1;
    }

    private void EraseLine(int mode)
    {
        var row = CursorY * Width;
        var (from, to) = mode switch
        {
            0 => (CursorX, Width),
            1 => (0, CursorX + 1),
            _ => (0, Width),
        };
        if (from > 0 && Grid[row + from].IsContinuation)
            Grid[row + from - 1] = Cell.BlankIn(ErasedStyle);
        if (to < Width && Grid[row + to].IsContinuation)
            Grid[row + to] = Cell.BlankIn(ErasedStyle);
        Array.Fill(Grid, Cell.BlankIn(ErasedStyle), row + from, to - from);
        _lastPrinted = -1;
    }
}
