using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// An in-memory W×H terminal for tests: it interprets what is written to it (text with wide
/// characters and combining marks, CUP and the other cursor moves, SGR, ED/EL, scrolling, the
/// alternate screen, the mode switches) into a grid of styled cells, so a test asserts what a
/// user would see, not which bytes were sent. <see cref="Feed(string)"/> types keys.
/// </summary>
/// <remarks>
/// Sequences it does not know are listed in <see cref="UnknownSequences"/> (a renderer test can
/// assert there are none). Auto-wrap is on, as in xterm: writing the last column leaves the cursor
/// there with a wrap pending. Not thread-safe, except that <see cref="Write"/> and the queries
/// take one lock, so a test may read the screen while an application renders on its own thread.
/// </remarks>
public sealed partial class VirtualTerminal : ITerminalDevice
{
    private readonly Lock _gate = new();
    private readonly List<string> _unknown = [];
    private readonly List<string> _scrollback = [];
    private Cell[] _main;
    private Cell[] _alternate;
    private (int X, int Y) _savedCursor;

    public VirtualTerminal(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        _main = NewGrid(width, height);
        _alternate = NewGrid(width, height);
    }

    public event TerminalInputHandler? InputReceived;

    public event EventHandler<TerminalSize>? Resized;

    public int Width { get; private set; }

    public int Height { get; private set; }

    public TerminalSize Size => new(Width, Height);

    public int CursorX { get; private set; }

    public int CursorY { get; private set; }

    /// <summary>DEC mode 25 (visible at start, as a real terminal).</summary>
    public bool CursorVisible { get; private set; } = true;

    /// <summary>DEC mode 1049 (or 47/1047).</summary>
    public bool AlternateScreen { get; private set; }

    /// <summary>Mouse reporting (1000/1002/1003) with SGR coordinates (1006).</summary>
    public bool MouseTracking { get; private set; }

    public bool SgrMouse { get; private set; }

    /// <summary>DEC mode 2004.</summary>
    public bool BracketedPaste { get; private set; }

    /// <summary>The window title an OSC 0/2 last set (null when none did).</summary>
    public string? Title { get; private set; }

    public long BytesWritten { get; private set; }

    /// <summary>Calls of <see cref="Write"/>: the renderer makes one per frame.</summary>
    public int WriteCount { get; private set; }

    public int SuspendCount { get; private set; }

    /// <summary>Escape sequences written that this terminal does not interpret.</summary>
    public IReadOnlyList<string> UnknownSequences
    {
        get
        {
            lock (_gate)
                return [.. _unknown];
        }
    }

    /// <summary>Lines that scrolled off the top of the main screen, oldest first, trailing spaces trimmed.</summary>
    public IReadOnlyList<string> ScrollbackLines
    {
        get
        {
            lock (_gate)
                return [.. _scrollback];
        }
    }

    private Cell[] Grid => AlternateScreen ? _alternate : _main;

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            BytesWritten += data.Length;
            WriteCount++;
            foreach (var b in data)
                Interpret(b);
        }
    }

    /// <summary>Types bytes, as the keyboard would send them.</summary>
    public void Feed(ReadOnlySpan<byte> input) => InputReceived?.Invoke(input);

    /// <summary>Types text, UTF-8 encoded (escape sequences included: <c>"\e[A"</c> is Up).</summary>
    public void Feed(string input) => Feed(Encoding.UTF8.GetBytes(input));

    /// <summary>Changes the size, keeping what fits of the top-left content, and raises <see cref="Resized"/>.</summary>
    public void Resize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        lock (_gate)
        {
            _main = CopyGrid(_main, Width, Height, width, height);
            _alternate = CopyGrid(_alternate, Width, Height, width, height);
            Width = width;
            Height = height;
            CursorX = Math.Min(CursorX, width - 1);
            CursorY = Math.Min(CursorY, height - 1);
            _wrapPending = false;
        }

        Resized?.Invoke(this, Size);
    }

    /// <summary>Counts the suspension and, as a real terminal coming back from Ctrl-Z would, asks for a redraw.</summary>
    public void Suspend()
    {
        SuspendCount++;
        Resized?.Invoke(this, Size);
    }

    public void ResetCounters()
    {
        lock (_gate)
        {
            BytesWritten = 0;
            WriteCount = 0;
        }
    }

    /// <summary>Every row with trailing spaces trimmed, joined by \n, without the empty rows at the bottom.</summary>
    public string ScreenText()
    {
        lock (_gate)
        {
            var lines = Enumerable.Range(0, Height).Select(y => RowText(y).TrimEnd(' ')).ToList();
            while (lines.Count > 0 && lines[^1].Length == 0)
                lines.RemoveAt(lines.Count - 1);
            return string.Join('\n', lines);
        }
    }

    /// <summary>One row exactly as shown (trailing spaces kept; a wide character once).</summary>
    public string LineText(int y)
    {
        lock (_gate)
            return RowText(y);
    }

    public Style StyleAt(int x, int y)
    {
        lock (_gate)
            return CellAt(x, y).Style;
    }

    public Cell CellAt(int x, int y)
    {
        lock (_gate)
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
                throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside {Width}x{Height}");
            return Grid[(y * Width) + x];
        }
    }

    private string RowText(int y)
    {
        var text = new StringBuilder(Width);
        for (var x = 0; x < Width; x++)
            text.Append(Grid[(y * Width) + x].Text);
        return text.ToString();
    }

    private static Cell[] NewGrid(int width, int height)
    {
        var grid = new Cell[width * height];
        Array.Fill(grid, Cell.Blank);
        return grid;
    }

    private static Cell[] CopyGrid(Cell[] grid, int oldWidth, int oldHeight, int width, int height)
    {
        var copy = NewGrid(width, height);
        for (var y = 0; y < Math.Min(oldHeight, height); y++)
        {
            for (var x = 0; x < Math.Min(oldWidth, width); x++)
                copy[(y * width) + x] = grid[(y * oldWidth) + x];
            if (width < oldWidth && copy[(y * width) + width - 1].Width == 2)
                copy[(y * width) + width - 1] = Cell.Blank;
        }

        return copy;
    }
}
