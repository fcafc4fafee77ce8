namespace TuiSupervisor.Terminal;

/// <summary>
/// Rows of an <see cref="ITableSource"/> under a header, with one selected row kept in view.
/// Keys: Up/Down (and k/j), PageUp/PageDown, Home/End; a click selects, the wheel moves the
/// selection by three rows. The selection is drawn in <see cref="ThemeRoles.Selected"/> when the
/// table has the focus and in <see cref="ThemeRoles.SelectedUnfocused"/> otherwise, over the
/// whole row (cell styles show on the other rows).
/// </summary>
public sealed class TableView(ITableSource source, Theme? theme = null) : View
{
    private const int ColumnGap = 1;
    private int _selected;

    public ITableSource Source { get; set; } = source;

    public Theme Theme { get; set; } = theme ?? Theme.Default;

    public bool ShowHeader { get; set; } = true;

    /// <summary>The first row on screen.</summary>
    public int TopRow { get; private set; }

    /// <summary>The selected row, or -1 when the table is empty.</summary>
    public int SelectedIndex
    {
        get => Source.RowCount == 0 ? -1 : Math.Clamp(_selected, 0, Source.RowCount - 1);
        set
        {
            var clamped = Source.RowCount == 0 ? 0 : Math.Clamp(value, 0, Source.RowCount - 1);
            if (clamped == _selected)
                return;
            _selected = clamped;
            SelectionChanged?.Invoke(this, SelectedIndex);
        }
    }

    public override bool CanFocus => true;

    private int BodyHeight => Math.Max(0, Frame.Height - (ShowHeader ? 1 : 0));

    /// <summary>The selection moved (by key, mouse or code); the argument is the new index.</summary>
    public event EventHandler<int>? SelectionChanged;

    /// <summary>A header was clicked (to sort by it, say); the argument is the column index.</summary>
    public event EventHandler<int>? HeaderClicked;

    /// <summary>The width each column gets out of <paramref name="total"/> columns: 0 for a column that does not fit at all.</summary>
    public static int[] ColumnWidths(IReadOnlyList<TableColumn> columns, int total)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var widths = columns.Select(c => Math.Max(c.Width, c.MinWidth)).ToArray();
        int Used() => widths.Where(w => w > 0).Sum() + (ColumnGap * Math.Max(0, widths.Count(w => w > 0) - 1));

        // Too wide: flexible columns give way first, then the others from the right, then columns drop off the right.
        for (var i = columns.Count - 1; i >= 0 && Used() > total; i--)
        {
            if (columns[i].Flex > 0)
                widths[i] = Math.Max(columns[i].MinWidth, widths[i] - (Used() - total));
        }

        for (var i = columns.Count - 1; i >= 0 && Used() > total; i--)
            widths[i] = Math.Max(columns[i].MinWidth, widths[i] - (Used() - total));
        for (var i = columns.Count - 1; i >= 0 && Used() > total; i--)
            widths[i] = 0;

        var spare = total - Used();
        var flex = columns.Where((c, i) => widths[i] > 0).Sum(c => c.Flex);
        if (spare > 0 && flex > 0)
        {
            var given = 0;
            var last = -1;
            for (var i = 0; i < columns.Count; i++)
            {
                if (widths[i] == 0 || columns[i].Flex == 0)
                    continue;
                var share = spare * columns[i].Flex / flex;
                widths[i] += share;
                given += share;
                last = i;
            }

            widths[last] += spare - given;
        }

        return widths;
    }

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var normal = Theme[ThemeRoles.Normal];
        var columns = Source.Columns;
        var widths = ColumnWidths(columns, surface.Width);
        var y = 0;
        if (ShowHeader)
        {
            var header = Theme[ThemeRoles.Header];
            surface.Fill(new Rect(0, 0, surface.Width, 1), header);
            DrawRow(surface, 0, widths, c => columns[c].Header, _ => header);
            y = 1;
        }

        KeepSelectionVisible();
        var selectedStyle = Theme[HasFocus ? ThemeRoles.Selected : ThemeRoles.SelectedUnfocused];
        for (var row = TopRow; row < Source.RowCount && y < surface.Height; row++, y++)
        {
            var index = row;
            var selected = index == SelectedIndex;
            var rowStyle = selected ? selectedStyle.Over(normal) : normal;
            if (selected)
                surface.Fill(new Rect(0, y, surface.Width, 1), rowStyle);
            // The selected row is one even bar, as in htop: a cell's own colour, reversed or laid
            // under the selection's, would break it up and can vanish into it.
            DrawRow(surface, y, widths, c => Source.CellText(index, c), c => selected ? rowStyle : Source.CellStyle(index, c) ?? normal);
        }
    }

    public override bool OnKey(KeyEvent key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Source.RowCount == 0)
            return false;
        var page = Math.Max(1, BodyHeight - 1);
        int? target = key switch
        {
            { Key: Key.Up, Modifiers: Modifiers.None } => SelectedIndex - 1,
            { Key: Key.Down, Modifiers: Modifiers.None } => SelectedIndex + 1,
            { Key: Key.Char, Modifiers: Modifiers.None } when key.Char.Value == 'k' => SelectedIndex - 1,
            { Key: Key.Char, Modifiers: Modifiers.None } when key.Char.Value == 'j' => SelectedIndex + 1,
            { Key: Key.PageUp } => SelectedIndex - page,
            { Key: Key.PageDown } => SelectedIndex + page,
            { Key: Key.Home } => 0,
            { Key: Key.End } => Source.RowCount - 1,
            _ => null,
        };
        if (target is not { } row)
            return false;
        SelectedIndex = row;
        KeepSelectionVisible();
        return true;
    }

    public override bool OnMouse(MouseEvent mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        switch (mouse.Action)
        {
            case MouseAction.WheelUp:
                SelectedIndex -= 3;
                KeepSelectionVisible();
                return true;
            case MouseAction.WheelDown:
                SelectedIndex += 3;
                KeepSelectionVisible();
                return true;
            case MouseAction.Press when mouse.Button == MouseButton.Left:
                if (ShowHeader && mouse.Y == 0)
                {
                    var column = ColumnAt(mouse.X);
                    if (column >= 0)
                        HeaderClicked?.Invoke(this, column);
                    return true;
                }

                var row = TopRow + mouse.Y - (ShowHeader ? 1 : 0);
                if (row < Source.RowCount)
                    SelectedIndex = row;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Scrolls as little as possible to show the selected row.</summary>
    public void KeepSelectionVisible()
    {
        var height = BodyHeight;
        var selected = Math.Max(0, SelectedIndex);
        if (selected < TopRow)
            TopRow = selected;
        else if (height > 0 && selected >= TopRow + height)
            TopRow = selected - height + 1;
        TopRow = Math.Clamp(TopRow, 0, Math.Max(0, Source.RowCount - height));
    }

    private int ColumnAt(int x)
    {
        var widths = ColumnWidths(Source.Columns, Frame.Width);
        var left = 0;
        for (var c = 0; c < widths.Length; c++)
        {
            if (widths[c] == 0)
                continue;
            if (x >= left && x < left + widths[c])
                return c;
            left += widths[c] + ColumnGap;
        }

        return -1;
    }

    private void DrawRow(Surface surface, int y, int[] widths, Func<int, string> text, Func<int, Style> style)
    {
        var x = 0;
        for (var c = 0; c < widths.Length; c++)
        {
            if (widths[c] == 0)
                continue;
            surface.Write(x, y, CellWidth.Fit(text(c), widths[c], Source.Columns[c].Alignment), style(c));
            x += widths[c] + ColumnGap;
        }
    }
}
