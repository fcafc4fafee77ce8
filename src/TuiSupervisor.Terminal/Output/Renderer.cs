using System.Buffers;

namespace TuiSupervisor.Terminal;

/// <summary>
/// Turns frames into the bytes that bring the screen from the previous frame to the new one:
/// only changed cells are written, in runs, the cursor is positioned (CUP) only where a run does
/// not continue from where the last one ended, and SGR is emitted only when the style changes.
/// Each frame ends with the attributes reset, so nothing leaks into the shell if the program
/// dies, and is wrapped in synchronized-output marks (DEC mode 2026, ignored where unknown) so
/// the terminal shows it whole.
/// </summary>
/// <remarks>
/// The renderer assumes it owns the screen: after a resize, Ctrl-Z or anything else that may have
/// changed the screen behind its back, <see cref="RequestFullRedraw"/> makes the next frame clear
/// the screen and draw every non-blank cell. Not thread-safe: the UI thread renders.
/// </remarks>
public sealed class Renderer(ColorMode colorMode)
{
    /// <summary>Rewriting up to this many unchanged cells is cheaper than a CUP (about 8 bytes).</summary>
    private const int MaxGapToRewrite = 4;

    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);
    private Cell[] _front = [];
    private int _width = -1;
    private int _height = -1;
    private bool _fullRedraw = true;
    private bool? _cursorVisible;

    // Where the terminal's cursor is (kept between frames: each frame leaves it where it says); -1 when unknown.
    private int _cursorX = -1;
    private int _cursorY = -1;

    // The terminal's current style while a frame is written (every frame ends in the default style).
    private Style _style;

    public ColorMode ColorMode { get; } = colorMode;

    /// <summary>Whether frames are wrapped in synchronized-output marks (on by default).</summary>
    public bool SynchronizedOutput { get; init; } = true;

    /// <summary>The bytes of the last frame (for measurements).</summary>
    public int LastFrameBytes { get; private set; }

    /// <summary>The next frame clears the screen and draws everything.</summary>
    public void RequestFullRedraw() => _fullRedraw = true;

    /// <summary>
    /// The bytes that show <paramref name="frame"/>; empty when nothing changed. The span stays
    /// valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Render(CellBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _output.ResetWrittenCount();
        if (frame.Width != _width || frame.Height != _height)
        {
            _width = frame.Width;
            _height = frame.Height;
            _front = new Cell[_width * _height];
            _fullRedraw = true;
        }

        if (SynchronizedOutput)
            AnsiWriter.Ascii(_output, "\e[?2026h");
        var start = _output.WrittenCount;
        if (_fullRedraw)
        {
            // The screen is cleared in the default style, which the front buffer then records.
            AnsiWriter.Ascii(_output, "\e[0m\e[H\e[2J");
            Array.Fill(_front, Cell.Blank);
            _style = Style.Default;
            _cursorX = 0;
            _cursorY = 0;
            _cursorVisible = null;
            _fullRedraw = false;
        }
        else
        {
            _style = Style.Default;
        }

        var styleKnown = start != _output.WrittenCount;
        for (var y = 0; y < _height; y++)
            RenderRow(frame.Row(y), y, ref styleKnown);

        if (styleKnown && _style != Style.Default)
            AnsiWriter.Ascii(_output, "\e[0m");
        RenderCursor(frame.Cursor);
        if (_output.WrittenCount == start)
        {
            LastFrameBytes = 0;
            return [];
        }

        if (SynchronizedOutput)
            AnsiWriter.Ascii(_output, "\e[?2026l");
        LastFrameBytes = _output.WrittenCount;
        return _output.WrittenSpan;
    }

    private void RenderRow(ReadOnlySpan<Cell> row, int y, ref bool styleKnown)
    {
        var front = _front.AsSpan(y * _width, _width);
        for (var x = 0; x < _width; x++)
        {
            var cell = row[x];
            if (cell.IsContinuation)
                continue;
            var changed = cell != front[x] || (cell.Width == 2 && x + 1 < _width && row[x + 1] != front[x + 1]);
            if (!changed)
                continue;
            if (_cursorY != y || _cursorX != x)
            {
                if (!(styleKnown && CanRewriteGap(row, front, y, x)))
                    AnsiWriter.MoveTo(_output, x, y);
                _cursorX = x;
                _cursorY = y;
            }

            if (!styleKnown || cell.Style != _style)
            {
                AnsiWriter.Sgr(_output, cell.Style, ColorMode);
                _style = cell.Style;
                styleKnown = true;
            }

            AnsiWriter.Text(_output, cell.Text);
            front[x] = cell;
            if (cell.Width == 2 && x + 1 < _width)
                front[x + 1] = row[x + 1];
            _cursorX += cell.Width;
            if (_cursorX >= _width)
                _cursorX = -1; // The terminal's pending-wrap state differs between terminals: position afresh.
        }
    }

    /// <summary>
    /// When the cursor is a few cells left of the next change on the same row and those cells are
    /// plain, unchanged and in the current style, writes them again instead of a CUP.
    /// </summary>
    private bool CanRewriteGap(ReadOnlySpan<Cell> row, Span<Cell> front, int y, int x)
    {
        if (_cursorY != y || _cursorX < 0 || x <= _cursorX || x - _cursorX > MaxGapToRewrite)
            return false;
        for (var i = _cursorX; i < x; i++)
        {
            if (row[i].Width != 1 || row[i].Style != _style || row[i] != front[i])
                return false;
        }

        for (var i = _cursorX; i < x; i++)
            AnsiWriter.Text(_output, row[i].Text);
        return true;
    }

    private void RenderCursor((int X, int Y)? cursor)
    {
        if (cursor is { } at)
        {
            if (_cursorX != at.X || _cursorY != at.Y)
                AnsiWriter.MoveTo(_output, at.X, at.Y);
            _cursorX = at.X;
            _cursorY = at.Y;
            if (_cursorVisible != true)
                AnsiWriter.Ascii(_output, "\e[?25h");
            _cursorVisible = true;
        }
        else if (_cursorVisible != false)
        {
            AnsiWriter.Ascii(_output, "\e[?25l");
            _cursorVisible = false;
        }
    }
}
