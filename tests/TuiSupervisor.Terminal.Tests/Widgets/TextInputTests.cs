namespace TuiSupervisor.Terminal.Tests.Widgets;

public class TextInputTests
{
    private readonly VirtualTerminal _terminal = new(12, 1);

    private (Application App, TextInput Input) Start(Action<TextInput>? configure = null)
    {
        var input = new TextInput { Prompt = "/" };
        configure?.Invoke(input);
        var app = new Application(_terminal, input, new ApplicationOptions { MaxFramesPerSecond = 0, MinimumSize = new TerminalSize(1, 1) });
        app.Start();
        return (app, input);
    }

    [Fact]
    public void Shows_the_prompt_the_text_and_the_cursor_at_the_caret()
    {
        var (app, _) = Start();
        using var _app = app;
        _terminal.Feed("web");
        app.ProcessPending();

        Assert.Equal("/web", _terminal.ScreenText());
        Assert.True(_terminal.CursorVisible);
        Assert.Equal(4, _terminal.CursorX);
        Assert.Equal(Theme.Default[ThemeRoles.Input], _terminal.StyleAt(1, 0));
    }

    [Fact]
    public void A_long_text_scrolls_to_keep_the_caret_in_the_field()
    {
        var (app, input) = Start();
        using var _app = app;
        _terminal.Feed("abcdefghijklmnop");
        app.ProcessPending();
        Assert.Equal("/ghijklmnop", _terminal.ScreenText());
        Assert.Equal(11, _terminal.CursorX);

        _terminal.Feed("\x01");
        app.ProcessPending();
        Assert.Equal("/abcdefghijk", _terminal.ScreenText());
        Assert.Equal(1, _terminal.CursorX);
        Assert.Equal("abcdefghijklmnop", input.Text);
    }

    [Fact]
    public void Enter_submits_escape_cancels_and_paste_inserts()
    {
        var (app, input) = Start(i => i.UseHistory = true);
        using var _app = app;
        var submitted = new List<string>();
        var changes = new List<string>();
        input.Submitted += (_, text) => submitted.Add(text);
        input.TextChanged += (_, text) => changes.Add(text);

        _terminal.Feed("ab\e[200~cd\ne\e[201~\r");
        app.ProcessPending();
        Assert.Equal(["abcd e"], submitted);
        Assert.Equal(["a", "ab", "abcd e"], changes);

        input.Text = "";
        _terminal.Feed("\e[A");
        app.ProcessPending();
        Assert.Equal("abcd e", input.Text);
    }

    [Fact]
    public void Tab_completes_or_lists_the_candidates()
    {
        IReadOnlyList<string> Complete(string before) => before.EndsWith('w') ? ["web", "worker"] : ["status"];
        var (app, input) = Start(i => i.Completion = Complete);
        using var _app = app;
        var listed = new List<IReadOnlyList<string>>();
        input.CandidatesListed += (_, c) => listed.Add(c);

        _terminal.Feed("s\t");
        app.ProcessPending();
        Assert.Equal("status ", input.Text);

        _terminal.Feed("w\t");
        app.ProcessPending();
        Assert.Equal("status w", input.Text);
        Assert.Equal([["web", "worker"]], listed);
    }
}
