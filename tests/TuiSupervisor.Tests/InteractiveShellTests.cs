using TuiSupervisor.Tests.Tui;

namespace TuiSupervisor.Tests;

/// <summary>The headless shell at a real terminal (tmux): prompt, editing, history, completion, activity above the prompt.</summary>
public class InteractiveShellTests
{
    [Fact]
    public void At_a_terminal_the_shell_completes_recalls_prints_activity_above_the_prompt_and_quits_on_ctrl_d()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.clock]
            command = ["/bin/sh", "-c", "while true; do echo tick; sleep 0.3; done"]
            startsecs = 0
            [programs.crasher]
            command = ["/bin/sh", "-c", "sleep 1; exit 3"]
            startsecs = 0
            autorestart = true
            """);
        using var shell = new TmuxSession(dir.Path, 120, 30, null, "--headless", "-c", "s.toml");
        shell.WaitFor("tuisupervisor>");

        // Tab completes a command, then a name; the answer prints and a fresh prompt follows.
        shell.Type("statu");
        shell.Keys("Tab");
        shell.Type("cl");
        shell.Keys("Tab");
        shell.WaitFor("tuisupervisor> status clock");
        shell.Keys("Enter");
        shell.WaitForScreen(s => System.Text.RegularExpressions.Regex.IsMatch(s, @"clock +RUNNING +pid \d+"), "status clock's answer");

        // Activity (the crasher's exits) lands above a half-typed line without breaking it.
        shell.Type("stop cra");
        var screen = shell.WaitForScreen(s => s.Contains("exited: crasher (exit status 3; not expected)", StringComparison.Ordinal), "the crasher's exit above the prompt");
        var lines = screen.TrimEnd().Split('\n');
        Assert.Equal("tuisupervisor> stop cra", lines[^1].TrimEnd());

        // Ctrl-U clears the line; Up recalls the last command.
        shell.Keys("C-u", "Up");
        shell.WaitForScreen(s => s.TrimEnd().Split('\n')[^1].TrimEnd() == "tuisupervisor> status clock", "the recalled line");
        shell.Keys("C-u", "C-d");
        var (exitCode, stty) = shell.WaitForExit();
        Assert.Equal(0, exitCode);
        Assert.Matches(@"(^|\s)icanon(\s|$)", stty);
        Assert.Contains("all processes stopped", shell.Screen(), StringComparison.Ordinal);
    }
}
