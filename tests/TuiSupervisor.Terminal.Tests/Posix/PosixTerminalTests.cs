namespace TuiSupervisor.Terminal.Tests.Posix;

/// <summary>The real terminal, end to end: the test host in tmux, and stty before and after.</summary>
public class PosixTerminalTests
{
    [Fact]
    public void Draws_takes_keys_mouse_and_paste_resizes_and_restores_the_terminal_on_quit()
    {
        using var tmux = new Tmux();
        var before = Path.Combine(tmux.Directory, "before");
        var after = Path.Combine(tmux.Directory, "after");
        tmux.Type($"stty -g > {before}; {Tmux.HostCommand} app; echo exit=$?; stty -g > {after}");
        tmux.WaitForText("ready 80x24");

        tmux.Keys("Up");
        tmux.WaitForText("last: key Up");
        tmux.Keys("C-r");
        tmux.WaitForText("last: key Ctrl-R");
        tmux.Bytes([0x1b, (byte)'[', (byte)'<', (byte)'0', (byte)';', (byte)'5', (byte)';', (byte)'3', (byte)'M']);
        tmux.WaitForText("last: mouse Press Left 4,2");
        tmux.Paste("two\nlines");
        tmux.WaitForText("last: paste two|lines");
        tmux.Resize(100, 30);
        tmux.WaitForText("ready 100x30 layouts 2");

        tmux.Keys("q");
        var screen = tmux.WaitForText("exit=0");
        Assert.DoesNotContain("ready", screen, StringComparison.Ordinal);
        WaitForFile(after);
        Assert.Equal(File.ReadAllText(before), File.ReadAllText(after));
    }

    [Fact]
    public void SIGTERM_restores_the_terminal_before_the_program_shuts_down()
    {
        using var tmux = new Tmux();
        var pid = Path.Combine(tmux.Directory, "pid");
        var before = Path.Combine(tmux.Directory, "before");
        var after = Path.Combine(tmux.Directory, "after");
        tmux.Type($"stty -g > {before}; {Tmux.HostCommand} app {pid}; echo exit=$?; stty -g > {after}");
        tmux.WaitForText("ready 80x24");
        WaitForFile(pid);

        System.Diagnostics.Process.Start("kill", ["-TERM", File.ReadAllText(pid)])!.WaitForExit();

        var screen = tmux.WaitForText("exit=0");
        Assert.Contains("shutting down after SIGTERM; raw mode: False", screen, StringComparison.Ordinal);
        Assert.Contains("shutdown complete", screen, StringComparison.Ordinal);
        WaitForFile(after);
        Assert.Equal(File.ReadAllText(before), File.ReadAllText(after));
    }

    [Fact]
    public void Ctrl_Z_gives_the_terminal_back_and_fg_brings_the_screen_back()
    {
        using var tmux = new Tmux();
        var before = Path.Combine(tmux.Directory, "before");
        var stopped = Path.Combine(tmux.Directory, "stopped");
        tmux.Type($"stty -g > {before}; {Tmux.HostCommand} app");
        tmux.WaitForText("ready 80x24");
        tmux.Keys("j");
        tmux.WaitForText("last: key j");

        tmux.Keys("C-z");
        tmux.WaitForText("Stopped");
        tmux.Type($"stty -g > {stopped}");
        WaitForFile(stopped);
        Assert.Equal(File.ReadAllText(before), File.ReadAllText(stopped));

        tmux.Type("fg");
        tmux.WaitForText("last: key j");
        tmux.Keys("k");
        tmux.WaitForText("last: key k");
        tmux.Keys("q");
    }

    [Fact]
    public void A_crash_restores_the_terminal_and_the_error_shows_on_the_normal_screen()
    {
        using var tmux = new Tmux();
        var before = Path.Combine(tmux.Directory, "before");
        var after = Path.Combine(tmux.Directory, "after");
        tmux.Type($"stty -g > {before}; {Tmux.HostCommand} app; echo crashed-$?; stty -g > {after}");
        tmux.WaitForText("ready 80x24");

        tmux.Keys("c");

        tmux.WaitForText("crashed-1");
        Assert.Contains("boom from the test host", tmux.ScreenWithHistory(), StringComparison.Ordinal);
        WaitForFile(after);
        Assert.Equal(File.ReadAllText(before), File.ReadAllText(after));
    }

    private static void WaitForFile(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !(File.Exists(path) && new FileInfo(path).Length > 0))
            Thread.Sleep(50);
        Assert.True(File.Exists(path), path + " was never written");
    }
}
