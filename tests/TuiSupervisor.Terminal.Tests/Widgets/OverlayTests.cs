namespace TuiSupervisor.Terminal.Tests.Widgets;

public class OverlayTests
{
    private readonly VirtualTerminal _terminal = new(40, 12);
    private readonly ManualTimeProvider _time = new();

    private Application Start(View root)
    {
        var app = new Application(_terminal, root, new ApplicationOptions { MaxFramesPerSecond = 0, MinimumSize = new TerminalSize(1, 1), TimeProvider = _time });
        app.Start();
        return app;
    }

    private enum Command
    {
        Start,
        Stop,
        Quit,
    }

    [Fact]
    public void Confirm_dialog_is_a_centred_box_and_y_answers_yes_and_closes_it()
    {
        var log = new LogView();
        log.Append(StyledLine.Plain("background"));
        using var app = Start(log);
        bool? answer = null;
        ConfirmDialog.Show(app, "Quit", "Stop 3 running processes?", yes => answer = yes);
        app.ProcessPending();

        Assert.Equal("""
            background


                 ┌ Quit ─────────────────────┐
                 │ Stop 3 running processes? │
                 │                           │
                 │     [y] Yes   [n] No      │
                 └───────────────────────────┘
            """, _terminal.ScreenText());

        _terminal.Feed("x");
        app.ProcessPending();
        Assert.Null(answer);
        _terminal.Feed("y");
        app.ProcessPending();
        Assert.True(answer);
        Assert.Empty(app.Overlays);
        Assert.DoesNotContain("Quit", _terminal.ScreenText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_dialog_escape_answers_no()
    {
        using var app = Start(new LogView());
        bool? answer = null;
        ConfirmDialog.Show(app, "Quit", "Really?", yes => answer = yes);
        _terminal.Feed("\e");
        app.ProcessPending();
        Assert.Null(answer);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        app.ProcessPending();
        Assert.False(answer);
    }

    [Fact]
    public void Help_overlay_lists_every_section_from_the_key_map_and_scrolls()
    {
        var map = new KeyMap<Command>()
            .Add(Command.Start, ["s"], "Start the selected process", "Process")
            .Add(Command.Stop, ["x"], "Stop it", "Process")
            .Add(Command.Quit, ["q", "F10"], "Quit", "General");
        using var app = Start(new LogView());
        var help = HelpOverlay.Show(app, map, "Help");
        app.ProcessPending();

        Assert.Equal("""


            ┌ Help ───────────────────────────────┐
            │ Process                             │
            │ s       Start the selected process  │
            │ x       Stop it                     │
            │                                     │
            │ General                             │
            │ q, F10  Quit                        │
            └─────────────────────────────────────┘
            """, _terminal.ScreenText());

        _terminal.Resize(40, 5);
        app.ProcessPending();
        Assert.Contains("Help (1-3 of 6)", _terminal.ScreenText(), StringComparison.Ordinal);
        _terminal.Feed("\e[B");
        app.ProcessPending();
        Assert.Equal(1, help.ScrollOffset);
        Assert.Contains("Help (2-4 of 6)", _terminal.ScreenText(), StringComparison.Ordinal);

        _terminal.Feed("q");
        app.ProcessPending();
        Assert.Empty(app.Overlays);
    }
}
