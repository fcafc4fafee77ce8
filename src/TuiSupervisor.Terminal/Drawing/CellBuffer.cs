using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// A W×H grid of <see cref="Cell"/>s: one frame. Widgets draw into it through a
/// <see cref="Surface"/>; the <see cref="Renderer"/> compares it with the previous frame.
/// </summary>
/// <remarks>
/// Writing keeps wide characters whole: a cell written over either half of a wide character
/// turns the other half into a blank, so the grid never holds half a character.
/// </remarks>
public sealed class CellBuffer
{
    private readonly Cell[] _cells;

    public CellBuffer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        _cells = new Cell[width * height];
        Clear(Style.Default);
    }

    public int Width { get; }

    public int Height { get; }

    public Rect Bounds => new(0, 0, Width, Height);

    /// <summary>Where the terminal's cursor is shown after this frame; null keeps it hidden.</summary>
    public (int X, int Y)? Cursor { get; set; }

    public Cell this[int x, int y]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
                throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside {Width}x{Height}");
            return _cells[(y * Width) + x];
        }
    }

    /// <summary>A surface covering the whole buffer.</summary>
    public Surface CreateSurface() => new(this, Bounds);

    /// <summary>Blanks every cell in <paramref name="style"/> and hides the cursor.</summary>
    public void Clear(Style style)
    {
        Array.Fill(_cells, Cell.BlankIn(style));
        Cursor = null;
    }

    /// <summary>The row's text as the terminal shows it (wide characters once, trailing spaces kept).</summary>
    public string LineText(int y)
    {
        var text = new StringBuilder(Width);
        for (var x = 0; x < Width; x++)
            text.Append(_cells[(y * Width) + x].Text);
        return text.ToString();
    }

    /// <summary>Every row, trailing spaces trimmed, joined by \n: for tests and debugging.</summary>
    public override string ToString() =>
        string.Join('\n', Enumerable.Range(0, Height).Select(y => LineText(y).TrimEnd(' ')));

    internal ReadOnlySpan<Cell> Row(int y) => _cells.AsSpan(y * Width, Width);

    /// <summary>Puts a 1- or 2-column grapheme at (x, y); the caller has checked that it fits.</summary>
    internal void Put(int x, int y, string text, int width, Style style)
    {
        var row = y * Width;
        BreakWideAt(row, x);
        _cells[row + x] = new Cell(text, width, style);
        if (width == 2)
        {
            BreakWideAt(row, x + 1);
            _cells[row + x + 1] = Cell.Continuation(style);
        }
    }

    /// <summary>Adds a combining mark to the grapheme at (x, y) (or at its wide character's head).</summary>
    internal void AppendMark(int x, int y, string mark)
    {
        var index = (y * Width) + x;
        if (_cells[index].IsContinuation && x > 0)
            index--;
        var cell = _cells[index];
        _cells[index] = cell with { Text = cell.Text + mark };
    }

    /// <summary>Only restyles: the text stays (a selection bar over drawn text).</summary>
    internal void SetStyle(int x, int y, Style style)
    {
        var index = (y * Width) + x;
        _cells[index] = _cells[index] with { Style = style };
    }

    internal Style StyleAt(int x, int y) => _cells[(y * Width) + x].Style;

    /// <summary>Before (x, y) is overwritten: blanks the other half of a wide character that covers it.</summary>
    private void BreakWideAt(int row, int x)
    {
        var cell = _cells[row + x];
        if (cell.IsContinuation && x > 0)
        {
            var head = _cells[row + x - 1];
            _cells[row + x - 1] = Cell.BlankIn(head.Style);
        }
        else if (cell.Width == 2 && x + 1 < Width)
        {
            _cells[row + x + 1] = Cell.BlankIn(cell.Style);
        }
    }
}
