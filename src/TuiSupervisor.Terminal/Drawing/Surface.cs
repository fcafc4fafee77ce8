using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// A clipped rectangle of a <see cref="CellBuffer"/> with its own coordinates ((0, 0) is its
/// top-left cell). Widgets draw only through a surface, so nothing they write can land outside
/// the area their parent gave them.
/// </summary>
/// <remarks>
/// Text is drawn grapheme by grapheme with <see cref="CellWidth"/>: a wide character that does
/// not fit whole at an edge leaves a blank instead of half a character; combining marks join the
/// character before them; control characters are drawn as U+FFFD (a tab as one space), so no
/// escape sequence from data ever reaches the terminal through a surface. Zero-width joiners and
/// emoji variation selectors are left out: terminals disagree on how wide the sequences they form
/// are, and leaving them out keeps our column count and the terminal's the same.
/// </remarks>
public sealed class Surface
{
    private readonly CellBuffer _buffer;

    /// <summary>The area in buffer coordinates; always inside the buffer.</summary>
    private readonly Rect _area;

    internal Surface(CellBuffer buffer, Rect area)
    {
        _buffer = buffer;
        _area = area.Intersect(buffer.Bounds);
    }

    public int Width => _area.Width;

    public int Height => _area.Height;

    /// <summary>(0, 0, Width, Height).</summary>
    public Rect Bounds => new(0, 0, Width, Height);

    /// <summary>A surface for <paramref name="rect"/> (in this surface's coordinates), cut to this surface.</summary>
    public Surface Clip(Rect rect)
    {
        var local = rect.Intersect(Bounds);
        return new Surface(_buffer, local.IsEmpty ? new Rect(_area.X, _area.Y, 0, 0) : new Rect(_area.X + local.X, _area.Y + local.Y, local.Width, local.Height));
    }

    /// <summary>
    /// Draws <paramref name="text"/> from (x, y) and returns the columns it advanced, up to the
    /// right edge. Columns left of the surface are skipped, nothing right of it is drawn.
    /// </summary>
    public int Write(int x, int y, ReadOnlySpan<char> text, Style style)
    {
        if (y < 0 || y >= Height)
            return 0;
        var column = x;
        var lastDrawn = int.MinValue;
        var i = 0;
        while (i < text.Length && column < Width)
        {
            var c = text[i];
            if (c is >= ' ' and < (char)0x7f)
            {
                if (column >= 0)
                {
                    _buffer.Put(_area.X + column, _area.Y + y, Cell.TextOf(c), 1, style);
                    lastDrawn = column;
                }

                column++;
                i++;
                continue;
            }

            Rune.DecodeFromUtf16(text[i..], out var rune, out var used);
            i += used;
            column += PutRune(column, y, rune, style, ref lastDrawn);
        }

        return column - x;
    }

    /// <summary>Draws a styled line from (x, y): each span's style laid over <paramref name="baseStyle"/>.</summary>
    public int Write(int x, int y, StyledLine line, Style baseStyle = default) => Write(x, y, line, baseStyle, 0);

    /// <summary>
    /// Draws a styled line from (x, y), leaving out its first <paramref name="skipColumns"/>
    /// columns (horizontal scrolling); returns the columns drawn.
    /// </summary>
    public int Write(int x, int y, StyledLine line, Style baseStyle, int skipColumns)
    {
        ArgumentNullException.ThrowIfNull(line);
        var column = x - skipColumns;
        foreach (var span in line.Spans)
        {
            if (column >= Width)
                break;
            var spanWidth = span.Width;
            if (column + spanWidth <= 0)
            {
                column += spanWidth;
                continue;
            }

            column += Write(column, y, span.Text, span.Style.Over(baseStyle));
        }

        return Math.Max(0, Math.Min(column, Width) - Math.Max(x, 0));
    }

    /// <summary>Fills <paramref name="rect"/> with spaces in <paramref name="style"/>.</summary>
    public void Fill(Rect rect, Style style) => Fill(rect, new Rune(' '), style);

    /// <summary>Fills <paramref name="rect"/> with <paramref name="rune"/> (a 1-column character).</summary>
    public void Fill(Rect rect, Rune rune, Style style)
    {
        var area = rect.Intersect(Bounds);
        var text = rune.Value < 0x80 ? Cell.TextOf((char)rune.Value) : rune.ToString();
        var width = CellWidth.Of(rune) == 1 ? 1 : 0;
        if (width == 0)
            text = " ";
        for (var y = area.Y; y < area.Bottom; y++)
        {
            for (var x = area.X; x < area.Right; x++)
                _buffer.Put(_area.X + x, _area.Y + y, text, 1, style);
        }
    }

    /// <summary>Blanks the whole surface.</summary>
    public void Clear(Style style) => Fill(Bounds, style);

    /// <summary>Gives every cell of <paramref name="rect"/> <paramref name="style"/>, keeping its text (a selection bar).</summary>
    public void SetStyle(Rect rect, Style style)
    {
        var area = rect.Intersect(Bounds);
        for (var y = area.Y; y < area.Bottom; y++)
        {
            for (var x = area.X; x < area.Right; x++)
                _buffer.SetStyle(_area.X + x, _area.Y + y, style);
        }
    }

    /// <summary>The style of the cell at (x, y) as drawn so far.</summary>
    public Style StyleAt(int x, int y) =>
        Bounds.Contains(x, y) ? _buffer.StyleAt(_area.X + x, _area.Y + y) : throw new ArgumentOutOfRangeException(nameof(x));

    /// <summary>Draws a single-line box along the edges of <paramref name="rect"/>, with an optional title in the top edge.</summary>
    public void DrawBorder(Rect rect, Style style, string? title = null)
    {
        if (rect.Width < 2 || rect.Height < 2)
            return;
        var right = rect.Right - 1;
        var bottom = rect.Bottom - 1;
        Fill(new Rect(rect.X + 1, rect.Y, rect.Width - 2, 1), new Rune('─'), style);
        Fill(new Rect(rect.X + 1, bottom, rect.Width - 2, 1), new Rune('─'), style);
        Fill(new Rect(rect.X, rect.Y + 1, 1, rect.Height - 2), new Rune('│'), style);
        Fill(new Rect(right, rect.Y + 1, 1, rect.Height - 2), new Rune('│'), style);
        Write(rect.X, rect.Y, "┌", style);
        Write(right, rect.Y, "┐", style);
        Write(rect.X, bottom, "└", style);
        Write(right, bottom, "┘", style);
        if (!string.IsNullOrEmpty(title) && rect.Width > 4)
            Write(rect.X + 1, rect.Y, " " + CellWidth.Truncate(title, rect.Width - 4) + " ", style);
    }

    /// <summary>Shows the terminal's cursor at (x, y) after this frame (a text input's caret); ignored outside the surface.</summary>
    public void SetCursor(int x, int y)
    {
        if (Bounds.Contains(x, y))
            _buffer.Cursor = (_area.X + x, _area.Y + y);
    }

    /// <summary>Draws one rune at <paramref name="column"/>; returns the columns it takes.</summary>
    private int PutRune(int column, int y, Rune rune, Style style, ref int lastDrawn)
    {
        if (rune.Value == '\t')
            rune = new Rune(' ');
        else if (Rune.IsControl(rune))
            rune = Rune.ReplacementChar;
        var width = CellWidth.Of(rune);
        if (width == 0)
        {
            // A mark joins the glyph this call drew just before it; with none to join, it is left out.
            if (lastDrawn >= 0 && !IsLeftOut(rune))
                _buffer.AppendMark(_area.X + lastDrawn, _area.Y + y, rune.ToString());
            return 0;
        }

        if (column < 0)
        {
            // The right half of a wide character at the left edge: a blank shows where it is.
            if (width == 2 && column == -1)
                _buffer.Put(_area.X, _area.Y + y, " ", 1, style);
            lastDrawn = int.MinValue;
            return width;
        }

        if (column + width > Width)
        {
            _buffer.Put(_area.X + column, _area.Y + y, " ", 1, style);
            lastDrawn = int.MinValue;
            return Width - column;
        }

        _buffer.Put(_area.X + column, _area.Y + y, rune.ToString(), width, style);
        lastDrawn = column;
        return width;
    }

    private static bool IsLeftOut(Rune rune) => rune.Value is 0x200D or 0xFE0E or 0xFE0F;
}
