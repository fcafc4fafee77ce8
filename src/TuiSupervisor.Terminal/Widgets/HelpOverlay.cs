namespace TuiSupervisor.Terminal;

/// <summary>
/// The help screen, generated from a key map: one block per section, each row the keys and
/// what they do. It scrolls (Up/Down, PageUp/PageDown, wheel) when it does not fit; Escape,
/// <c>q</c>, <c>?</c> and F1 close it.
/// </summary>
public sealed class HelpOverlay : View
{
    private readonly List<(string Keys, string Text, bool IsSection)> _rows = [];
    private readonly Action _close;
    private int _scroll;

    public HelpOverlay(string title, IEnumerable<(string Section, IEnumerable<(string Keys, string Description)> Entries)> sections, Action close, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(close);
        Title = title;
        _close = close;
        Theme = theme ?? Theme.Default;
        foreach (var (section, entries) in sections)
        {
            if (_rows.Count > 0)
                _rows.Add(("", "", false));
            _rows.Add(("", section, true));
            foreach (var (keys, description) in entries)
                _rows.Add((keys, description, false));
        }
    }

    public string Title { get; }

    public Theme Theme { get; set; }

    public int RowCount => _rows.Count;

    public int ScrollOffset => _scroll;

    public override bool CanFocus => true;

    /// <summary>Builds the overlay from <paramref name="keyMap"/>'s sections and shows it over <paramref name="app"/>.</summary>
    public static HelpOverlay Show<TCommand>(Application app, KeyMap<TCommand> keyMap, string title = "Keys", Theme? theme = null)
        where TCommand : notnull
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(keyMap);
        HelpOverlay? overlay = null;
        overlay = new HelpOverlay(
            title,
            keyMap.Sections.Select(s => (s.Key, s.Select(b => (b.KeysText, b.Description)))),
            () => app.CloseOverlay(overlay!),
            theme);
        app.ShowOverlay(overlay);
        return overlay;
    }

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var keysWidth = Math.Min(24, _rows.Count == 0 ? 0 : _rows.Max(r => CellWidth.Of(r.Keys)));
        var textWidth = _rows.Count == 0 ? 0 : _rows.Max(r => CellWidth.Of(r.Text));
        var box = surface.Bounds.Centered(Math.Max(keysWidth + textWidth + 7, CellWidth.Of(Title) + 6), _rows.Count + 2);
        var style = Theme[ThemeRoles.Dialog];
        surface.Fill(box, style);
        var visible = box.Height - 2;
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, _rows.Count - visible));
        var more = _rows.Count > visible ? $"{Title} ({_scroll + 1}-{_scroll + visible} of {_rows.Count})" : Title;
        surface.DrawBorder(box, Theme[ThemeRoles.DialogBorder], more);
        var inside = surface.Clip(box.Inset(2, 1));
        for (var i = 0; i < visible && _scroll + i < _rows.Count; i++)
        {
            var (keys, text, isSection) = _rows[_scroll + i];
            if (isSection)
            {
                inside.Write(0, i, text, Theme[ThemeRoles.Title]);
                continue;
            }

            inside.Write(0, i, CellWidth.Truncate(keys, keysWidth), Theme[ThemeRoles.HelpKey].Over(style));
            inside.Write(keysWidth + 2, i, text, style);
        }
    }

    public override bool OnKey(KeyEvent key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var page = Math.Max(1, Frame.Height - 3);
        switch (key.Key)
        {
            case Key.Escape or Key.F1:
            case Key.Char when key.Char.Value is 'q' or '?':
                _close();
                break;
            case Key.Up:
                _scroll--;
                break;
            case Key.Down:
                _scroll++;
                break;
            case Key.PageUp:
                _scroll -= page;
                break;
            case Key.PageDown:
                _scroll += page;
                break;
            case Key.Home:
                _scroll = 0;
                break;
            case Key.End:
                _scroll = _rows.Count;
                break;
        }

        _scroll = Math.Max(0, _scroll);
        return true;
    }

    public override bool OnMouse(MouseEvent mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (mouse.Action == MouseAction.WheelUp)
            _scroll = Math.Max(0, _scroll - 3);
        else if (mouse.Action == MouseAction.WheelDown)
            _scroll += 3;
        return true;
    }
}
