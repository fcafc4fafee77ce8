namespace TuiSupervisor.Terminal.Tests.Widgets;

public class PanelTests
{
    [Fact]
    public void A_panel_frames_its_content_and_shows_where_the_focus_is()
    {
        var terminal = new VirtualTerminal(14, 5);
        var log = new LogView();
        log.Append(StyledLine.Plain("hello"));
        var header = new Label { Text = "header" };
        var panel = new Panel(log) { Title = "web" };
        var root = new Stack(header, panel);
        using var app = new Application(terminal, root, new ApplicationOptions { MaxFramesPerSecond = 0, MinimumSize = new TerminalSize(1, 1) });
        app.Start();

        Assert.Equal("""
            header
            ┌ web ───────┐
            │hello       │
            │            │
            └────────────┘
            """, terminal.ScreenText());
        Assert.Same(log, app.Focused);
        Assert.Equal(Theme.Default[ThemeRoles.BorderFocused], terminal.StyleAt(0, 1));

        app.SetFocus(null);
        app.ProcessPending();
        Assert.Equal(Theme.Default[ThemeRoles.Border], terminal.StyleAt(0, 1));
    }

    /// <summary>One row on top, the rest below.</summary>
    private sealed class Stack(View top, View rest) : View
    {
        public override IEnumerable<View> Children => [top, rest];

        public override void Layout(Rect frame)
        {
            base.Layout(frame);
            top.Layout(frame.TakeTop(1));
            rest.Layout(frame.SkipTop(1));
        }

        public override void Render(Surface surface)
        {
            RenderChild(surface, top);
            RenderChild(surface, rest);
        }
    }
}
