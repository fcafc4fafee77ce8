using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tests.Tui;

/// <summary>The supervisor screen at 80×24 in an in-memory terminal, over a real engine.</summary>
public class SupervisorScreenTests
{
    private const string Config = """
        [programs.web]
        command = ["/bin/sh", "-c", "echo serving; echo warming up >&2; exec sleep 1000"]
        startsecs = 0
        [programs.worker]
        command = "sleep 1000"
        numprocs = 2
        startsecs = 0
        [programs.broken]
        command = "/bin/sh -c 'exit 1'"
        startretries = 0
        startsecs = 1
        """;

    [Fact]
    public async Task The_screen_fits_80x24_with_states_in_their_colours()
    {
        await using var screen = new ScreenHarness(Config);
        var text = screen.WaitFor(s => s.Contains("FATAL", StringComparison.Ordinal) && s.Split('\n').Count(l => l.Contains("RUNNING", StringComparison.Ordinal)) == 4, "web and both workers RUNNING, broken FATAL");
        var lines = text.Split('\n');

        Assert.Equal(24, screen.Terminal.Height);
        Assert.StartsWith(" tuisupervisor  s.toml  up 0:00:0", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("1 fatal   3 running", lines[0].TrimEnd(), StringComparison.Ordinal);
        var alert = lines[0].IndexOf("1 fatal", StringComparison.Ordinal);
        Assert.Equal(screen.Theme["bar.alert"], screen.Terminal.StyleAt(alert, 0));
        Assert.Equal(screen.Theme["bar"], screen.Terminal.StyleAt(alert + 10, 0));
        Assert.Matches("^NAME +STATE +PID +UPTIME +RST +CPU% +MEM +HEALTH +DESCRIPTION", lines[1]);
        Assert.Contains("Exited too", lines[screen.RowOf("broken")], StringComparison.Ordinal);
        Assert.Equal(["broken", "web", "▾", "worker_00", "worker_01"], lines[2..7].Select(l => l.TrimStart().Split(' ')[0]));
        Assert.StartsWith(" s start  x stop  r restart  R reload  f filter  / search  ? help  q quit", lines[23], StringComparison.Ordinal);

        var fatal = lines[screen.RowOf("broken")].IndexOf("FATAL", StringComparison.Ordinal);
        Assert.Equal(screen.Theme["selected"], screen.Terminal.StyleAt(fatal, screen.RowOf("broken")));
        screen.Type("j");
        screen.WaitFor("─ web");
        Assert.Equal(screen.Theme["state.fatal"], screen.Terminal.StyleAt(fatal, screen.RowOf("broken")));
        var running = lines[screen.RowOf("worker_00")].IndexOf("RUNNING", StringComparison.Ordinal);
        Assert.Equal(Color.Green, screen.Terminal.StyleAt(running, screen.RowOf("worker_00")).Foreground);
        Assert.Equal(Color.Cyan, screen.Terminal.StyleAt(1, 0).Background);
    }

    [Fact]
    public async Task The_table_shows_the_memory_the_engine_samples_while_the_screen_watches()
    {
        await using var screen = new ScreenHarness(Config);
        var text = screen.WaitFor(s => screen.RowOf("worker_00") is >= 0 and var row && System.Text.RegularExpressions.Regex.IsMatch(s.Split('\n')[row], @"RUNNING .* \d+(\.\d)?[KM]( |$)"), "worker_00's memory");
        Assert.Matches(@"\d+(\.\d)?M", text.Split('\n')[screen.RowOf("▾")]);
    }

    [Fact]
    public async Task The_log_pane_follows_the_selection_by_key_and_by_mouse_and_shows_both_streams()
    {
        await using var screen = new ScreenHarness(Config);
        screen.WaitFor(s => s.Split('\n').Count(l => l.Contains("RUNNING", StringComparison.Ordinal)) == 4, "four RUNNING rows");

        screen.Type("j");
        var text = screen.WaitFor(s => s.Contains("─ web · stdout+stderr · following", StringComparison.Ordinal) && s.Contains("warming up", StringComparison.Ordinal), "web's log");
        Assert.Contains("serving", text, StringComparison.Ordinal);
        var stderrRow = Array.FindIndex(text.Split('\n'), l => l.StartsWith("warming up", StringComparison.Ordinal));
        Assert.Equal(screen.Theme["log.stderr"].Foreground, screen.Terminal.StyleAt(0, stderrRow).Foreground);

        screen.Type("t");
        screen.WaitFor(s => s.Contains("─ web · stdout · following", StringComparison.Ordinal) && !s.Contains("warming up", StringComparison.Ordinal), "stdout alone");

        // A left click on worker_01's row (SGR mouse, 1-based coordinates) selects it.
        var row = screen.RowOf("worker_01");
        screen.Type($"\u001b[<0;5;{row + 1}M\u001b[<0;5;{row + 1}m");
        screen.WaitFor("─ worker:worker_01 · stdout · following");
    }

    [Fact]
    public async Task A_group_folds_and_stopping_it_asks_first()
    {
        await using var screen = new ScreenHarness(Config);
        screen.WaitFor(s => s.Split('\n').Count(l => l.Contains("RUNNING", StringComparison.Ordinal)) == 4, "four RUNNING rows");
        screen.Type("jj");
        screen.WaitFor("worker: 2 processes; select one to see its log");

        screen.Type(" ");
        var folded = screen.WaitFor(s => s.Contains("▸ worker (2)", StringComparison.Ordinal), "the folded group");
        Assert.DoesNotContain("worker_00", folded, StringComparison.Ordinal);

        screen.Type("x");
        screen.WaitFor("Stop the 2 processes of worker?");
        screen.Type("n");
        var after = screen.WaitFor(s => !s.Contains("Stop the 2", StringComparison.Ordinal), "the dialog closed");
        Assert.Contains("RUNNING", after.Split('\n')[screen.RowOf("▸")], StringComparison.Ordinal);

        screen.Type("x");
        screen.WaitFor("Stop the 2 processes of worker?");
        screen.Type("y");
        screen.WaitFor(s => s.Contains("worker:worker_00: stopped; worker:worker_01: stopped", StringComparison.Ordinal), "both stopped");
        Assert.Contains("STOPPED", screen.Screen.Split('\n')[screen.RowOf("▸")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_help_and_reload_preview_work_from_their_keys()
    {
        await using var screen = new ScreenHarness(Config);
        screen.WaitFor(s => s.Split('\n').Count(l => l.Contains("RUNNING", StringComparison.Ordinal)) == 4, "four RUNNING rows");

        screen.Type("fwork");
        var filtered = screen.WaitFor(s => s.Contains("filter: work", StringComparison.Ordinal) && !s.Contains("broken", StringComparison.Ordinal), "the filter applied as typed");
        Assert.Contains("worker_01", filtered, StringComparison.Ordinal);
        screen.Type("\u001b");
        screen.WaitFor(s => s.Contains("broken", StringComparison.Ordinal) && !s.Contains("filter:", StringComparison.Ordinal), "Esc put the rows back");

        screen.Type("?");
        var help = screen.WaitFor("Keys");
        Assert.Contains("start the selected process or group", help, StringComparison.Ordinal);
        Assert.Contains("R, Ctrl-R, F5", help, StringComparison.Ordinal);
        screen.Type("\u001b");
        screen.WaitFor(s => !s.Contains("start the selected process or group", StringComparison.Ordinal), "help closed");

        File.AppendAllText(screen.ConfigPath, "\n[programs.added]\ncommand = \"sleep 1000\"\nstartsecs = 0\n");
        screen.Type("R");
        screen.WaitFor("added: available");
        screen.Type("y");
        screen.WaitFor(s => screen.RowOf("added") >= 0 && s.Split('\n')[screen.RowOf("added")].Contains("RUNNING", StringComparison.Ordinal), "the added program running");
    }

    [Fact]
    public async Task Below_the_minimum_size_a_notice_replaces_the_screen_and_it_comes_back()
    {
        await using var screen = new ScreenHarness(Config);
        screen.WaitFor("RUNNING");
        screen.Terminal.Resize(40, 8);
        screen.WaitFor("Terminal too small: 40x8, needs 50x10");
        screen.Terminal.Resize(100, 30);
        var text = screen.WaitFor(s => s.StartsWith(" tuisupervisor", StringComparison.Ordinal), "the screen at 100x30");
        Assert.Equal(30, text.Split('\n').Length);
    }
}
