using System.Globalization;

namespace TuiSupervisor.Terminal.Tests.Widgets;

public class LogViewTests
{
    private static LogView WithLines(int count, int capacity = 100)
    {
        var log = new LogView(capacity);
        for (var i = 1; i <= count; i++)
            log.Append(StyledLine.Plain("line " + i.ToString(CultureInfo.InvariantCulture)));
        return log;
    }

    [Fact]
    public void Follow_mode_shows_the_newest_lines()
    {
        var log = WithLines(10);
        Assert.Equal("line 8\nline 9\nline 10", Draw.Text(log, 20, 3));
        log.Append(StyledLine.Plain("line 11"));
        Assert.Equal("line 9\nline 10\nline 11", Draw.Text(log, 20, 3));
    }

    [Fact]
    public void Scrolling_up_pauses_and_new_lines_do_not_move_the_view()
    {
        var log = WithLines(10);
        Draw.View(log, 20, 3);
        log.OnKey(KeyEvent.Named(Key.Up));
        Assert.False(log.Follow);
        Assert.Equal("line 7\nline 8\nline 9", Draw.Text(log, 20, 3));

        log.Append(StyledLine.Plain("line 11"));
        Assert.Equal("line 7\nline 8\nline 9", Draw.Text(log, 20, 3));

        log.OnKey(KeyEvent.Named(Key.PageDown));
        Assert.True(log.Follow);
        Assert.Equal("line 9\nline 10\nline 11", Draw.Text(log, 20, 3));
    }

    [Fact]
    public void Capacity_drops_the_oldest_lines_and_a_paused_view_stays_on_what_it_shows()
    {
        var log = WithLines(5, capacity: 5);
        Draw.View(log, 20, 2);
        log.OnKey(KeyEvent.Named(Key.Home));
        Assert.Equal("line 1\nline 2", Draw.Text(log, 20, 2));
        log.OnKey(KeyEvent.Named(Key.Down));
        Assert.Equal("line 2\nline 3", Draw.Text(log, 20, 2));

        log.Append(StyledLine.Plain("line 6"));
        Assert.Equal(5, log.Count);
        Assert.Equal("line 2\nline 3", Draw.Text(log, 20, 2));
        log.Append(StyledLine.Plain("line 7"));
        log.Append(StyledLine.Plain("line 8"));
        Assert.Equal("line 4\nline 5", Draw.Text(log, 20, 2));
    }

    [Fact]
    public void Wrap_splits_long_lines_and_unwrapped_lines_scroll_sideways()
    {
        var log = new LogView();
        log.Append(StyledLine.Plain("abcdefghij"));
        log.Append(StyledLine.Plain("xy"));
        Assert.Equal("abcd\nxy", Draw.Text(log, 4, 3));

        log.Wrap = true;
        Assert.Equal("abcd\nefgh\nij\nxy", Draw.Text(log, 4, 4));
        Assert.Equal("efgh\nij\nxy", Draw.Text(log, 4, 3));

        log.Wrap = false;
        log.OnKey(KeyEvent.Named(Key.Right));
        Assert.Equal("ij", Draw.Text(log, 4, 3));
    }

    [Fact]
    public void Search_highlights_every_match_and_jumps_between_them()
    {
        var log = WithLines(30);
        log.SearchText = "line 2";
        Draw.View(log, 20, 4);

        Assert.True(log.FindPrevious());
        Assert.Equal(28, log.CurrentMatch);
        var buffer = Draw.View(log, 20, 4);
        Assert.Contains("line 29", buffer.ToString(), StringComparison.Ordinal);

        log.OnKey(KeyEvent.Named(Key.Home));
        log.SearchText = "LINE 1";
        Assert.False(log.FindNext());
        log.SearchText = "line 1";
        Assert.True(log.FindNext());
        Assert.Equal(0, log.CurrentMatch);
        buffer = Draw.View(log, 20, 4);
        Assert.Equal("line 1", buffer.ToString().Split('\n')[0]);
        Assert.Equal(Theme.Default[ThemeRoles.SearchCurrent], buffer[0, 0].Style);
        Assert.Equal(Style.Default, buffer[6, 0].Style);
        Assert.True(log.FindNext());
        Assert.Equal(9, log.CurrentMatch);
        buffer = Draw.View(log, 20, 4);
        var row = buffer.ToString().Split('\n').ToList().IndexOf("line 10");
        Assert.Equal(Theme.Default[ThemeRoles.SearchCurrent], buffer[5, row].Style);
        Assert.Equal(Style.Default, buffer[6, row].Style);
    }

    [Fact]
    public void Wheel_scrolls_three_rows()
    {
        var log = WithLines(20);
        Draw.View(log, 20, 3);
        log.OnMouse(new MouseEvent(MouseAction.WheelUp, MouseButton.None, 0, 0));
        Assert.Equal("line 15\nline 16\nline 17", Draw.Text(log, 20, 3));
    }

    [Fact]
    public void Highlight_keeps_the_span_colours_under_the_match()
    {
        var red = new Style(Color.Red, Color.Default);
        var line = new StyledLine([new StyledSpan("error: ", red), new StyledSpan("disk full", Style.Default)]);
        var highlighted = Highlighter.Highlight(line, "r: d", new Style(Color.Default, Color.Yellow));
        Assert.Equal(["erro", "r: ", "d", "isk full"], highlighted.Spans.Select(s => s.Text));
        Assert.Equal(new Style(Color.Red, Color.Yellow), highlighted.Spans[1].Style);
        Assert.Equal(new Style(Color.Default, Color.Yellow), highlighted.Spans[2].Style);
    }
}
