using System.Globalization;

namespace TuiSupervisor.Terminal.Tests.Widgets;

public class TableViewTests
{
    private static readonly Style Green = new(Color.Green, Color.Default);

    private sealed class Processes(int count) : ITableSource
    {
        public IReadOnlyList<TableColumn> Columns { get; } =
        [
            new("NAME", 8, MinWidth: 4, Flex: 1),
            new("STATE", 8),
            new("PID", 5, Alignment: TextAlignment.Right),
        ];

        public int RowCount { get; set; } = count;

        public string CellText(int row, int column) => column switch
        {
            0 => "proc" + row.ToString(CultureInfo.InvariantCulture),
            1 => "RUNNING",
            _ => (100 + row).ToString(CultureInfo.InvariantCulture),
        };

        public Style? CellStyle(int row, int column) => column == 1 ? Green : null;
    }

    [Fact]
    public void Draws_the_header_and_the_rows_in_their_columns()
    {
        var table = new TableView(new Processes(2));
        Assert.Equal("""
            NAME       STATE      PID
            proc0      RUNNING    100
            proc1      RUNNING    101
            """, Draw.Text(table, 25, 4));
    }

    [Fact]
    public void Column_widths_shrink_flexible_columns_first_then_drop_from_the_right()
    {
        TableColumn[] columns = [new("A", 10, MinWidth: 3, Flex: 1), new("B", 6, MinWidth: 4), new("C", 6, MinWidth: 6)];
        Assert.Equal([12, 6, 6], TableView.ColumnWidths(columns, 26));
        Assert.Equal([5, 6, 6], TableView.ColumnWidths(columns, 19));
        Assert.Equal([3, 4, 6], TableView.ColumnWidths(columns, 15));
        Assert.Equal([5, 4, 0], TableView.ColumnWidths(columns, 10));
    }

    [Fact]
    public void The_selection_is_one_even_bar_over_the_cell_styles_that_show_on_other_rows()
    {
        var table = new TableView(new Processes(3)) { SelectedIndex = 1 };
        var buffer = Draw.View(table, 25, 4);
        Assert.Equal(Theme.Default[ThemeRoles.SelectedUnfocused], buffer[0, 2].Style);
        Assert.Equal(Theme.Default[ThemeRoles.SelectedUnfocused], buffer[11, 2].Style);
        Assert.Equal(Green, buffer[11, 1].Style);
        Assert.Equal(Style.Default, buffer[0, 1].Style);
        Assert.Equal(Theme.Default[ThemeRoles.Header], buffer[0, 0].Style);
    }

    [Fact]
    public void Keys_move_the_selection_and_scroll_to_keep_it_visible()
    {
        var source = new Processes(20);
        var table = new TableView(source);
        Draw.View(table, 25, 5);
        var changes = new List<int>();
        table.SelectionChanged += (_, i) => changes.Add(i);

        table.OnKey(KeyEvent.Named(Key.Down));
        table.OnKey(KeyEvent.Of('j'));
        Assert.Equal(2, table.SelectedIndex);
        table.OnKey(KeyEvent.Named(Key.End));
        Assert.Equal(19, table.SelectedIndex);
        Assert.Equal(16, table.TopRow);
        Assert.EndsWith("proc19     RUNNING    119", Draw.Text(table, 25, 5), StringComparison.Ordinal);
        table.OnKey(KeyEvent.Named(Key.PageUp));
        Assert.Equal(16, table.SelectedIndex);
        table.OnKey(KeyEvent.Named(Key.Home));
        Assert.Equal((0, 0), (table.SelectedIndex, table.TopRow));
        Assert.Equal([1, 2, 19, 16, 0], changes);
    }

    [Fact]
    public void A_shrinking_source_keeps_the_selection_inside_it()
    {
        var source = new Processes(10);
        var table = new TableView(source) { SelectedIndex = 9 };
        source.RowCount = 3;
        Assert.Equal(2, table.SelectedIndex);
        source.RowCount = 0;
        Assert.Equal(-1, table.SelectedIndex);
        Assert.Equal("NAME       STATE      PID", Draw.Text(table, 25, 4));
    }

    [Fact]
    public void Clicks_select_rows_wheel_moves_and_header_clicks_are_reported()
    {
        var terminal = new VirtualTerminal(25, 6);
        var table = new TableView(new Processes(10));
        using var app = new Application(terminal, table, new ApplicationOptions { MaxFramesPerSecond = 0, MinimumSize = new TerminalSize(1, 1) });
        var headers = new List<int>();
        table.HeaderClicked += (_, c) => headers.Add(c);
        app.Start();

        terminal.Feed("\e[<0;3;4M");
        app.ProcessPending();
        Assert.Equal(2, table.SelectedIndex);
        Assert.Equal(Theme.Default[ThemeRoles.Selected], terminal.StyleAt(0, 3));

        terminal.Feed("\e[<65;3;4M");
        app.ProcessPending();
        Assert.Equal(5, table.SelectedIndex);
        Assert.Equal(1, table.TopRow);

        terminal.Feed("\e[<0;13;1M");
        app.ProcessPending();
        Assert.Equal([1], headers);
    }
}
