namespace TuiSupervisor.Terminal.Tests.Widgets;

public class StatusBarTests
{
    [Fact]
    public void Hints_that_do_not_fit_whole_are_left_out_and_the_message_is_truncated()
    {
        var bar = new StatusBar
        {
            Hints = [new KeyHint("s", "start"), new KeyHint("x", "stop"), new KeyHint("?", "help")],
            Message = "following web",
        };
        Assert.Equal(" s start  x stop  ? help  following web", Draw.Text(bar, 40, 1).TrimEnd());
        Assert.Equal(" s start  x stop  ? help", Draw.Text(bar, 26, 1).TrimEnd());
        Assert.Equal(" s start  x stop  fol…", Draw.Text(bar, 23, 1).TrimEnd());
    }

    [Fact]
    public void Keys_and_labels_have_their_own_styles()
    {
        var bar = new StatusBar { Hints = [new KeyHint("q", "quit")] };
        var buffer = Draw.View(bar, 10, 1);
        Assert.Equal(Theme.Default[ThemeRoles.HintKey], buffer[1, 0].Style);
        Assert.Equal(Theme.Default[ThemeRoles.HintLabel], buffer[3, 0].Style);
        Assert.Equal(Theme.Default[ThemeRoles.StatusBar], buffer[9, 0].Style);
    }

    [Fact]
    public void The_message_takes_its_role_over_the_bar()
    {
        var bar = new StatusBar { Message = "web: ERROR (not running)", MessageRole = ThemeRoles.Error };
        var buffer = Draw.View(bar, 30, 1);
        Assert.Equal(Theme.Default[ThemeRoles.Error].Over(Theme.Default[ThemeRoles.StatusBar]), buffer[28, 0].Style);
        Assert.NotEqual(Theme.Default[ThemeRoles.StatusBar], buffer[28, 0].Style);
    }
}
