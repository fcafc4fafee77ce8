using System.Text.RegularExpressions;

namespace TuiSupervisor.Tests;

public partial class HeadlessTests
{
    [Fact]
    public void The_shipped_config_runs_headless_with_every_demo_program_in_its_expected_state()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(Product.RepositoryRoot, "supervisor.toml"), Path.Combine(dir.Path, "supervisor.toml"));
        using var session = new HeadlessSession(dir.Path, "supervisor.toml");

        // broken needs 1 s + 2 s of retries to give up; everything else is up by then.
        var status = session.Poll("status", s => Lines(s) == 7 && s.Contains("FATAL", StringComparison.Ordinal));
        Assert.Matches(@"(?m)^broken {27}FATAL     Exited too quickly \(process log may have details\)$", status);
        Assert.Matches(@"(?m)^clock {28}RUNNING   pid \d+, uptime 0:00:0\d$", status);
        Assert.Matches(@"(?m)^heartbeat {24}RUNNING   pid \d+", status);
        Assert.Equal(3, WorkerRunning().Count(status));
        Assert.Matches(@"(?m)^flaky {28}(RUNNING|STARTING|EXITED)", status);

        var pids = Pids().Matches(status).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} outlived the engine"));
    }

    [Fact]
    public void Commands_print_supervisorctls_lines()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.sleeper]
            command = "sleep 1000"
            startsecs = 0
            [programs.idle]
            command = "sleep 1000"
            autostart = false
            """);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status sleeper", s => s.Contains("RUNNING", StringComparison.Ordinal));

        Assert.Equal("sleeper: stopped\n", session.Poll("stop sleeper", s => s.Length > 0));
        Assert.Equal("sleeper: ERROR (not running)\n", session.Poll("stop sleeper", s => s.Length > 0));
        Assert.Equal("nosuch: ERROR (no such process)\n", session.Poll("start nosuch", s => s.Length > 0));
        Assert.Equal("idle: started\n", session.Poll("start idle", s => s.Length > 0));
        Assert.Equal("idle: ERROR (already started)\n", session.Poll("start idle", s => s.Length > 0));
        Assert.Matches(@"^idle {29}RUNNING   pid \d+, uptime 0:00:0\d\nsleeper {26}STOPPED   \w{3} \d\d \d\d:\d\d [AP]M\n$", session.Poll("status", s => Lines(s) == 2));
        Assert.Equal("*** Unknown syntax: frobnicate\n", session.Poll("frobnicate", s => s.Length > 0));

        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
        Assert.Contains("stopped: idle (terminated by SIGTERM)", session.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_sent_at_once_already_shows_the_autostart_programs_under_way()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.slow]
            command = "sleep 1000"
            startsecs = 30
            """);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Send("status");
        session.WaitFor(s => s.Stdout.Length > 0, "the status answer");
        Assert.Equal("slow                             STARTING  \n", session.Stdout);
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void SIGTERM_stops_every_process_and_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [supervisor]
            logfile = "activity/engine.log"

            [programs.sleeper]
            command = "sleep 1000"
            startsecs = 0
            """);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        var status = session.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
        var pid = int.Parse(Pids().Match(status).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        session.Signal("TERM");
        Assert.Equal(0, session.WaitForExit());
        Assert.False(Directory.Exists($"/proc/{pid}"));
        Assert.Contains("stopped: sleeper (terminated by SIGTERM)", session.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO SIGTERM received: shutting down$", session.Stderr);
        var activity = File.ReadAllText(Path.Combine(dir.Path, "activity", "engine.log"));
        Assert.Matches(@"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO spawned: 'sleeper' with pid \d+$", activity);
        Assert.Contains("WARN stopped: sleeper (terminated by SIGTERM)", activity, StringComparison.Ordinal);
        Assert.EndsWith("INFO all processes stopped\n", activity, StringComparison.Ordinal);
    }

    [Fact]
    public void End_of_input_on_a_pipe_leaves_the_engine_supervising()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.blinker]
            command = "/bin/sh -c 'sleep 0.3; exit 1'"
            startsecs = 0
            """);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.WaitFor(s => s.Stderr.Contains("spawned: 'blinker'", StringComparison.Ordinal), "the first spawn");
        session.CloseInput();
        var spawnsAtEof = Regex.Count(session.Stderr, "spawned: 'blinker'");
        session.WaitFor(s => Regex.Count(s.Stderr, "spawned: 'blinker'") >= spawnsAtEof + 2, "two more restarts after EOF");

        session.Signal("TERM");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void SIGHUP_reloads_the_config_and_leaves_unchanged_processes_alone()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("s.toml", """
            [programs.keep]
            command = "sleep 1000"
            startsecs = 0
            """);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        var before = session.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
        File.AppendAllText(file, "\n[programs.added]\ncommand = \"sleep 1000\"\nstartsecs = 0\n");

        session.Signal("HUP");
        session.WaitFor(s => s.Stderr.Contains("added: added process group", StringComparison.Ordinal), "the reload");
        Assert.Matches(@"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO SIGHUP received: reloading the config$", session.Stderr);
        Assert.Matches(@"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO added: added process group$", session.Stderr);
        var after = session.Poll("status", s => Lines(s) == 2 && !s.Contains("STARTING", StringComparison.Ordinal));
        Assert.Equal(Pids().Match(before).Value, Pids().Match(after.Split('\n').First(l => l.StartsWith("keep", StringComparison.Ordinal))).Value);

        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    /// <summary>Complete lines in an answer (the session reads whole lines only).</summary>
    private static int Lines(string answer) => answer.Count(c => c == '\n');

    [GeneratedRegex(@"(?m)^worker:worker_0[012] {17}RUNNING ")]
    private static partial Regex WorkerRunning();

    [GeneratedRegex(@"pid (\d+),")]
    private static partial Regex Pids();
}
