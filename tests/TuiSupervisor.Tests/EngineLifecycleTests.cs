using System.Globalization;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Tests;

public partial class EngineLifecycleTests
{
    private const string Config = """
        [programs.sleeper]
        command = "sleep 1000"
        startsecs = 0
        """;

    [Fact]
    public void A_second_engine_on_the_same_pidfile_is_refused_with_the_holders_pid()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var first = new HeadlessSession(dir.Path, "s.toml");
        first.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));

        var second = Product.Run(dir.Path, "--headless", "-c", "s.toml");

        Assert.Equal(2, second.ExitCode);
        Assert.Equal($"tuisupervisor: another tuisupervisor (pid {first.Pid}) holds {Path.Combine(dir.Path, "s.pid")}; nothing started\n", second.Stderr);
        Assert.Contains("RUNNING", first.Poll("status", s => s.Length > 0), StringComparison.Ordinal);
        first.Send("quit");
        Assert.Equal(0, first.WaitForExit());
        Assert.False(File.Exists(Path.Combine(dir.Path, "s.pid")));
    }

    [Fact]
    public void A_pidfile_whose_folder_cannot_be_made_says_what_is_in_the_way()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", "[supervisor]\npidfile = \"run/s.pid\"\n" + Config);
        dir.Write("run", "a file where the pidfile's folder should be");

        var run = Product.Run(dir.Path, "--headless", "-c", "s.toml");

        var folder = Path.Combine(dir.Path, "run");
        Assert.Equal(new Product.Result(2, "", $"tuisupervisor: cannot create {folder}, the folder of pidfile {folder}/s.pid: {folder} is a file, not a folder; nothing started\n"), run);
    }

    [Fact]
    public void Two_configs_in_one_folder_run_side_by_side_each_with_a_pidfile_named_after_it()
    {
        using var dir = new TempDirectory();
        dir.Write("web.toml", Config);
        dir.Write("jobs.toml", Config);
        using var web = new HeadlessSession(dir.Path, "web.toml");
        using var jobs = new HeadlessSession(dir.Path, "jobs.toml");
        web.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
        jobs.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));

        Assert.Equal($"{web.Pid}\n", File.ReadAllText(Path.Combine(dir.Path, "web.pid")));
        Assert.Equal($"{jobs.Pid}\n", File.ReadAllText(Path.Combine(dir.Path, "jobs.pid")));
        web.WaitFor(_ => File.Exists(Path.Combine(dir.Path, "web.pid.children")), "web's children's record");
        web.Send("quit");
        jobs.Send("quit");
        Assert.Equal(0, web.WaitForExit());
        Assert.Equal(0, jobs.WaitForExit());
    }

    [Fact]
    public void After_the_engine_was_killed_the_next_start_stops_what_it_left_and_says_so()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        int orphan;
        using (var killed = new HeadlessSession(dir.Path, "s.toml"))
        {
            var status = killed.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
            orphan = int.Parse(Pid().Match(status).Groups[1].Value, CultureInfo.InvariantCulture);
            killed.WaitFor(_ => File.Exists(Path.Combine(dir.Path, "s.pid.children")), "the children's record");
            killed.Signal("KILL");
            killed.WaitForExit();
        }

        Assert.True(Directory.Exists($"/proc/{orphan}"), "the child should outlive an engine killed with SIGKILL");

        using var next = new HeadlessSession(dir.Path, "s.toml");
        next.WaitFor(s => s.Stderr.Contains($"stopped leftover process sleeper (pid {orphan}) from an earlier run that ended without shutting down", StringComparison.Ordinal), "the leftover report");
        Assert.False(IsAliveAndNotZombie(orphan), "the leftover is still alive");
        var status2 = next.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
        Assert.NotEqual(orphan.ToString(CultureInfo.InvariantCulture), Pid().Match(status2).Groups[1].Value);
        next.Send("quit");
        Assert.Equal(0, next.WaitForExit());
    }

    [Fact]
    public void A_start_or_reload_during_the_shutdown_is_refused_and_leaves_no_process_behind()
    {
        // stubborn holds the shutdown up after its SIGTERM until the test creates 'release'; the
        // marker finds any process the refused start or reload might have started.
        var marker = "86" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var config = $$"""
            [supervisor]
            socket = "run/engine.sock"
            [programs.stubborn]
            command = ["sh", "-c", "trap 'until [ -e release ]; do sleep 0.1; done; exit 0' TERM; echo trapped; while true; do sleep 0.1; done"]
            startsecs = 0
            stopwaitsecs = 60
            [programs.other]
            command = "sleep {{marker}}"
            autostart = false
            """;
        using var dir = new TempDirectory();
        dir.Write("s.toml", config);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status stubborn", s => s.Contains("RUNNING", StringComparison.Ordinal));
        // RUNNING comes at the spawn (startsecs = 0): a SIGTERM before the shell set its trap would end it at once.
        session.Poll("tail stubborn", s => s.Contains("trapped", StringComparison.Ordinal));

        session.Signal("TERM");
        session.WaitFor(s => s.Stderr.Contains("waiting for stubborn to stop", StringComparison.Ordinal), "the shutdown");
        Assert.Equal(new Product.Result(1, "other: ERROR (shutting down)\n", ""), Product.Run(dir.Path, "ctl", "-c", "s.toml", "start", "other"));
        dir.Write("s.toml", config + $"\n[programs.added]\ncommand = \"sleep {marker}\"\nstartsecs = 0\n");
        session.Signal("HUP");
        session.WaitFor(s => s.Stderr.Contains("SIGHUP received during the shutdown: ignored", StringComparison.Ordinal), "the ignored SIGHUP");
        Assert.Equal(new Product.Result(1, "ERROR: already shutting down\n", ""), Product.Run(dir.Path, "ctl", "-c", "s.toml", "reload"));
        dir.Write("release", "");

        Assert.Equal(0, session.WaitForExit());
        var left = Directory.EnumerateDirectories("/proc").Where(p => int.TryParse(Path.GetFileName(p), out _)).Where(p => CommandLine(p).Contains(marker, StringComparison.Ordinal));
        Assert.Empty(left);
    }

    private static string CommandLine(string procFolder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procFolder, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    [Fact]
    public void Sigusr2_reopens_the_child_logs_and_the_activity_log_after_logrotate_moved_them()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [supervisor]
            logfile = "act.log"
            [programs.talker]
            command = ["/bin/sh", "-c", "while true; do echo tick; sleep 0.1; done"]
            startsecs = 0
            stdout_logfile = "talker.log"
            """);
        using var engine = new HeadlessSession(dir.Path, "s.toml");
        engine.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
        var talkerLog = Path.Combine(dir.Path, "talker.log");
        var activityLog = Path.Combine(dir.Path, "act.log");
        engine.WaitFor(_ => File.Exists(talkerLog) && File.Exists(activityLog) && new FileInfo(activityLog).Length > 0, "both logs written");

        // What logrotate does with 'create': move the files away, then signal.
        File.Move(talkerLog, talkerLog + ".1");
        File.Move(activityLog, activityLog + ".1");
        engine.Signal("USR2");
        engine.WaitFor(_ => File.Exists(talkerLog) && File.ReadAllText(talkerLog).Contains("tick", StringComparison.Ordinal), "the child's log reopened by its name");
        engine.Poll("stop talker", s => s.Contains("talker: stopped", StringComparison.Ordinal));
        engine.WaitFor(_ => File.Exists(activityLog) && File.ReadAllText(activityLog).Contains("talker: RUNNING -> STOPPING", StringComparison.Ordinal), "the activity log reopened by its name");
        Assert.DoesNotContain("STOPPING", File.ReadAllText(activityLog + ".1"), StringComparison.Ordinal);
        engine.Send("quit");
        Assert.Equal(0, engine.WaitForExit());
    }

    /// <summary>Whether the process runs (a zombie, or one reaped while its stat was read, does not).</summary>
    private static bool IsAliveAndNotZombie(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"pid (\d+),")]
    private static partial Regex Pid();
}
