namespace TuiSupervisor.Terminal;

/// <summary>
/// A scrolling log of <see cref="StyledLine"/>s with a bounded capacity (the oldest lines are
/// dropped). In follow mode the view stays at the bottom as lines arrive; scrolling up pauses it
/// (new lines then leave the view where it is) and scrolling back to the bottom, or End, follows
/// again. With <see cref="Wrap"/> off, long lines scroll sideways (Left/Right). A search text
/// highlights every match; <see cref="FindNext"/> and <see cref="FindPrevious"/> jump between
/// matching lines.
/// </summary>
/// <remarks>Call everything on the UI thread (feed lines through <see cref="Application.Post"/>, in batches).</remarks>
public sealed partial class LogView : View
{
    private const int WheelRows = 3;
    private const int SideStep = 8;
    private readonly StyledLine[] _ring;
    private int _start;
    private int _count;
    private long _dropped;

    // Where the view starts when paused: an absolute line number and a row inside that (wrapped) line.
    private long _topLine;
    private int _topRow;
    private bool _follow = true;
    private string _search = "";

    public LogView(int capacity = 10_000, Theme? theme = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new StyledLine[capacity];
        Theme = theme ?? Theme.Default;
    }

    public Theme Theme { get; set; }

    public int Capacity => _ring.Length;

    /// <summary>Lines held now.</summary>
    public int Count => _count;

    /// <summary>Whether the view stays at the bottom as lines arrive; setting it jumps there.</summary>
    public bool Follow
    {
        get => _follow;
        set => _follow = value;
    }

    public bool Wrap { get; set; }

    /// <summary>Columns scrolled to the right (only with <see cref="Wrap"/> off).</summary>
    public int HorizontalOffset { get; private set; }

    /// <summary>The text highlighted in every line (smart case); empty for none.</summary>
    public string SearchText
    {
        get => _search;
        set
        {
            _search = value ?? "";
            CurrentMatch = -1;
        }
    }

    /// <summary>The index (0 = oldest held line) of the line the last find jumped to, or -1.</summary>
    public int CurrentMatch { get; private set; } = -1;

    public override bool CanFocus => true;

    /// <summary>The line at <paramref name="index"/>, 0 being the oldest held.</summary>
    public StyledLine this[int index] => (uint)index < (uint)_count ? _ring[(_start + index) % _ring.Length] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Append(StyledLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_count == _ring.Length)
        {
            _ring[_start] = line;
            _start = (_start + 1) % _ring.Length;
            _dropped++;
            if (CurrentMatch >= 0)
                CurrentMatch--;
        }
        else
        {
            _ring[(_start + _count) % _ring.Length] = line;
            _count++;
        }
    }

    public void AppendRange(IEnumerable<StyledLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
            Append(line);
    }

    public void Clear()
    {
        Array.Clear(_ring);
        _dropped += _count;
        _start = 0;
        _count = 0;
        _follow = true;
        CurrentMatch = -1;
    }

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var normal = Theme[ThemeRoles.Normal];
        if (_follow)
            AnchorAtBottom(surface.Width, surface.Height);
        ClampTop();
        var match = Theme[ThemeRoles.SearchMatch];
        var current = Theme[ThemeRoles.SearchCurrent];
        var y = 0;
        var index = TopIndex;
        var row = _topRow;
        while (y < surface.Height && index < _count)
        {
            var line = this[index];
            if (_search.Length > 0)
                line = Highlighter.Highlight(line, _search, index == CurrentMatch ? current : match);
            var rows = RowsOf(line, surface.Width);
            for (; row < rows.Count && y < surface.Height; row++, y++)
                surface.Write(0, y, rows[row], normal, Wrap ? 0 : HorizontalOffset);
            index++;
            row = 0;
        }
    }

    public override bool OnKey(KeyEvent key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var page = Math.Max(1, Frame.Height - 1);
        switch (key)
        {
            case { Key: Key.Up, Modifiers: Modifiers.None }:
            case { Key: Key.Char, Modifiers: Modifiers.None } when key.Char.Value == 'k':
                ScrollUp(1);
                return true;
            case { Key: Key.Down, Modifiers: Modifiers.None }:
            case { Key: Key.Char, Modifiers: Modifiers.None } when key.Char.Value == 'j':
                ScrollDown(1);
                return true;
            case { Key: Key.PageUp }:
                ScrollUp(page);
                return true;
            case { Key: Key.PageDown }:
                ScrollDown(page);
                return true;
            case { Key: Key.Home }:
                ScrollToTop();
                return true;
            case { Key: Key.End }:
                Follow = true;
                return true;
            case { Key: Key.Left } when !Wrap:
                HorizontalOffset = Math.Max(0, HorizontalOffset - SideStep);
                return true;
            case { Key: Key.Right } when !Wrap:
                HorizontalOffset += SideStep;
                return true;
            default:
                return false;
        }
    }

    public override bool OnMouse(MouseEvent mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        switch (mouse.Action)
        {
            case MouseAction.WheelUp:
                ScrollUp(WheelRows);
                return true;
            case MouseAction.WheelDown:
                ScrollDown(WheelRows);
                return true;
            default:
                return false;
        }
    }
}
