using System.Globalization;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Tests.Tui;

/// <summary>The real program in a real terminal (tmux), used as an operator uses it.</summary>
public partial class TuiEndToEndTests
{
    private const string Config = """
        [programs.talker]
        command = ["/bin/sh", "-c", "i=0; while true; do echo \"line $i\"; i=$((i+1)); sleep 0.2; done"]
        startsecs = 0
        [programs.sleeper]
        command = "sleep 1000"
        startsecs = 0
        [programs.idle]
        command = "sleep 1000"
        autostart = false
        """;

    [Fact]
    public void An_operator_selects_stops_starts_reads_searches_resizes_and_quits_leaving_nothing_behind()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var tui = new TmuxSession(dir.Path, 120, 40, null, "-c", "s.toml");

        var screen = tui.WaitForScreen(s => Row(s, "talker").Contains("RUNNING", StringComparison.Ordinal) && Row(s, "sleeper").Contains("RUNNING", StringComparison.Ordinal), "talker and sleeper RUNNING");
        Assert.Contains("s.toml", screen.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("2 running", screen.Split('\n')[0], StringComparison.Ordinal);
        Assert.Matches(@"NAME +STATE +PID +UPTIME +RESTARTS +CPU% +MEM +HEALTH +DESCRIPTION", screen);
        Assert.Contains("STOPPED", Row(screen, "idle"), StringComparison.Ordinal);
        var pids = PidOf(screen, "talker", "sleeper");

        // The rows are in name order: idle is selected first; sleeper is next.
        tui.Keys("j");
        tui.WaitFor("─ sleeper · stdout+stderr · following");
        tui.Keys("x");
        screen = tui.WaitForScreen(s => Row(s, "sleeper").Contains("STOPPED", StringComparison.Ordinal) && s.Contains("sleeper: stopped", StringComparison.Ordinal), "sleeper stopped");
        Assert.Contains("1 running", screen.Split('\n')[0], StringComparison.Ordinal);
        tui.Keys("s");
        screen = tui.WaitForScreen(s => Row(s, "sleeper").Contains("RUNNING", StringComparison.Ordinal) && s.Contains("sleeper: started", StringComparison.Ordinal), "sleeper started again");
        pids.AddRange(PidOf(screen, "sleeper"));

        // The log pane follows the selected process.
        tui.Keys("j");
        screen = tui.WaitForScreen(s => s.Contains("─ talker · stdout+stderr · following", StringComparison.Ordinal) && LineNumbers(s).Count >= 5, "talker's lines in the log pane");
        var shown = LineNumbers(screen);
        Assert.Equal(Enumerable.Range(shown[0], shown.Count), shown);

        // Search pauses at the latest match and marks it.
        tui.Keys("/");
        tui.Type("line 3");
        tui.Keys("Enter");
        screen = tui.WaitFor("─ talker · stdout+stderr · paused · /line 3");
        Assert.Contains("line 3", screen, StringComparison.Ordinal);
        Assert.Contains("\u001b[30m\u001b[103mline 3", tui.ScreenWithColours(), StringComparison.Ordinal);
        tui.Keys("F");
        tui.WaitFor("─ talker · stdout+stderr · following · /line 3");

        // 80x24 still holds the header, every row, the log and the footer.
        tui.Resize(80, 24);
        screen = tui.WaitForScreen(s => s.Split('\n').Length >= 24 && s.Split('\n')[23].Contains("q quit", StringComparison.Ordinal) && s.Split('\n').All(l => l.Length <= 80), "the screen redrawn at 80x24");
        Assert.Contains("RUNNING", Row(screen, "talker"), StringComparison.Ordinal);
        Assert.Contains("─ talker", screen, StringComparison.Ordinal);

        // Quitting asks first, stops everything and gives the terminal back as it was.
        tui.Keys("q");
        tui.WaitFor("Stop 2 running processes and quit?");
        tui.Keys("y");
        var (exitCode, stty) = tui.WaitForExit();
        Assert.Equal(0, exitCode);
        Assert.Matches(@"(^|\s)icanon(\s|$)", stty);
        Assert.Matches(@"(^|\s)echo(\s|$)", stty);
        Assert.Equal("0", tui.Pane("alternate_on"));
        Assert.Equal("1", tui.Pane("cursor_flag"));
        Assert.Equal("0", tui.Pane("mouse_any_flag"));
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} outlived the TUI"));
    }

    [Fact]
    public void A_child_cannot_move_the_cursor_clear_the_screen_or_set_the_title_but_keeps_its_colours()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.hostile]
            command = ["/bin/sh", "-c", "printf '\\033[2J\\033[H\\033]0;pwned\\007\\033[10;10Hmoved \\033[31mred\\033[0m plain\\n'; sleep 1000"]
            startsecs = 0
            """);
        using var tui = new TmuxSession(dir.Path, 100, 20, null, "-c", "s.toml");

        var screen = tui.WaitForScreen(s => s.Contains("red plain", StringComparison.Ordinal), "the child's line in the log pane");
        var lines = screen.Split('\n');
        Assert.StartsWith(" tuisupervisor ", lines[0], StringComparison.Ordinal);
        Assert.Matches("^NAME +STATE", lines[1]);
        Assert.Contains("hostile", lines[2], StringComparison.Ordinal);
        Assert.Contains("\u001b[31mred", tui.ScreenWithColours(), StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", tui.Pane("pane_title"), StringComparison.Ordinal);
        tui.Keys("q");
        tui.WaitFor("Stop 1 running process and quit?");
        tui.Keys("y");
        Assert.Equal(0, tui.WaitForExit().ExitCode);
    }

    [Fact]
    public void Sigterm_restores_the_terminal_and_stops_every_process_and_no_color_draws_no_colour()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var tui = new TmuxSession(dir.Path, 100, 30, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "-c", "s.toml");

        var screen = tui.WaitForScreen(s => Row(s, "talker").Contains("RUNNING", StringComparison.Ordinal) && Row(s, "sleeper").Contains("RUNNING", StringComparison.Ordinal), "both RUNNING");
        Assert.DoesNotMatch(@"\u001b\[(\d+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;[25]|48;[25])[;m]", tui.ScreenWithColours());
        Assert.Contains("\u001b[7m", tui.ScreenWithColours(), StringComparison.Ordinal);
        var pids = PidOf(screen, "talker", "sleeper");
        var tuiPid = int.Parse(File.ReadAllText(Path.Combine(dir.Path, "s.pid")).Trim(), CultureInfo.InvariantCulture);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", tuiPid.ToString(CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        var (exitCode, stty) = tui.WaitForExit();
        Assert.Equal(0, exitCode);
        Assert.Matches(@"(^|\s)icanon(\s|$)", stty);
        Assert.Equal("0", tui.Pane("alternate_on"));
        Assert.Contains("SIGTERM received: shutting down", tui.Screen(), StringComparison.Ordinal);
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} outlived the TUI"));
    }

    [Fact]
    public void A_flooding_process_in_the_log_pane_leaves_the_keys_working()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.flood]
            command = ["/bin/sh", "-c", "exec yes 'a flood of lines, as fast as the pipe takes them'"]
            startsecs = 0
            stdout_logfile = "NONE"
            [programs.quiet]
            command = "sleep 1000"
            startsecs = 0
            """);
        using var tui = new TmuxSession(dir.Path, 100, 30, null, "-c", "s.toml");
        tui.WaitFor("─ flood · stdout+stderr · following");
        tui.WaitFor("a flood of lines, as fast as the pipe takes them");

        // While the pane is flooded, a key still moves the selection and a prompt still opens.
        tui.Keys("j");
        tui.WaitFor("─ quiet · stdout+stderr · following", seconds: 10);
        tui.Keys("k");
        tui.WaitFor("─ flood · stdout+stderr · following", seconds: 10);
        tui.Keys("?");
        tui.WaitFor("start the selected process or group", seconds: 10);
        tui.Keys("Escape");
        tui.WaitForScreen(s => !s.Contains("start the selected process or group", StringComparison.Ordinal), "help closed", seconds: 10);
        tui.Keys("q");
        tui.WaitFor("Stop 2 running processes and quit?", seconds: 10);
        tui.Keys("y");
        Assert.Equal(0, tui.WaitForExit().ExitCode);
    }

    [Fact]
    public void Attach_drives_a_running_engine_and_q_leaves_the_engine_running()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var engine = new HeadlessSession(dir.Path, "s.toml");
        engine.Poll("status", s => Regex.Count(s, "RUNNING") == 2);
        using var tui = new TmuxSession(dir.Path, 120, 30, null, "attach", "-c", "s.toml");

        var screen = tui.WaitForScreen(s => Row(s, "talker").Contains("RUNNING", StringComparison.Ordinal), "the engine's processes");
        Assert.Contains($"attached to pid {engine.Pid}", screen.Split('\n')[0], StringComparison.Ordinal);
        tui.Keys("s");
        tui.WaitForScreen(s => Row(s, "idle").Contains("RUNNING", StringComparison.Ordinal), "idle started through the socket");
        Assert.Contains("idle", engine.Poll("status idle", s => s.Contains("RUNNING", StringComparison.Ordinal)), StringComparison.Ordinal);

        tui.Keys("q");
        Assert.Equal(0, tui.WaitForExit().ExitCode);
        Assert.Equal(3, Regex.Count(engine.Poll("status", s => Regex.Count(s, "RUNNING") == 3), "RUNNING"));
        engine.Send("quit");
        Assert.Equal(0, engine.WaitForExit());
    }

    private static string Row(string screen, string name) =>
        screen.Split('\n').FirstOrDefault(l => Regex.IsMatch(l, $@"^\s*{Regex.Escape(name)}\s")) ?? "";

    private static List<int> PidOf(string screen, params string[] names) =>
        [.. names.Select(n => int.Parse(Regex.Match(Row(screen, n), @"(RUNNING|STARTING)\s+(\d+)").Groups[2].Value, CultureInfo.InvariantCulture))];

    private static List<int> LineNumbers(string screen) =>
        [.. LineNumber().Matches(screen).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"(?m)^line (\d+)\s*$")]
    private static partial Regex LineNumber();
}
