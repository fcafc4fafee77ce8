using System.Diagnostics;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Engine;

public class SupervisorTests
{
    [Fact]
    public async Task Autostart_reaches_running_and_stop_leaves_no_process()
    {
        await using var engine = new RealEngine("""
            [programs.sleeper]
            command = "sleep 1000"
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var running = engine.WaitForState("sleeper", ProcessState.Running);
        Assert.True(RealEngine.IsAlive(running.Pid!.Value));

        var results = await engine.Supervisor.StopAsync(["sleeper"]);
        Assert.Equal([new ActionResult("sleeper", ActionOutcome.Stopped)], results);
        Assert.Equal(ProcessState.Stopped, engine.Process("sleeper").State);
        Poll.Until(() => !RealEngine.IsAlive(running.Pid.Value), "the stopped process to be gone");
        Assert.Contains("stopped: sleeper (terminated by SIGTERM)", engine.Messages);
    }

    [Fact]
    public async Task Too_quick_exits_retry_after_1_then_2_seconds_and_end_fatal()
    {
        await using var engine = new RealEngine("""
            [programs.fail]
            command = "/bin/sh -c 'exit 1'"
            startretries = 2
            """);
        var clock = Stopwatch.StartNew();
        var results = await engine.Supervisor.StartAsync(["fail"]);
        Assert.Equal([new ActionResult("fail", ActionOutcome.SpawnError)], results);

        // The start's answer can arrive before the loop publishes the snapshot of its batch.
        Assert.Equal(ProcessState.Fatal, (await engine.Supervisor.SnapshotAsync()).Find("fail")!.State);

        var spawns = engine.Events.Where(e => e.Message.StartsWith("spawned: 'fail'", StringComparison.Ordinal)).Select(e => e.Time).ToList();
        var exits = engine.Events.Where(e => e.Message.StartsWith("exited: fail ", StringComparison.Ordinal)).Select(e => e.Time).ToList();
        Assert.Equal(3, spawns.Count);
        Assert.Equal(3, exits.Count);
        // The wait runs from an exit to the next spawn (from spawn to spawn it would include the
        // shell's own run, which a loaded machine stretches); upper bounds leave room for a late timer.
        var waits = exits.Zip(spawns.Skip(1), (exit, spawn) => (spawn - exit).TotalSeconds).ToList();
        Assert.InRange(waits[0], 0.95, 1.9);
        Assert.InRange(waits[1], 1.95, 2.9);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"FATAL took {clock.Elapsed}");
        Assert.Equal("Exited too quickly (process log may have details)", engine.Process("fail").SpawnError);
        Assert.Contains("gave up: fail entered FATAL state, too many start retries too quickly", engine.Messages);
    }

    [Fact]
    public async Task An_exit_after_running_is_restarted_at_once()
    {
        await using var engine = new RealEngine("""
            [programs.flaky]
            command = "/bin/sh -c 'sleep 0.2; exit 3'"
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        Poll.Until(() => engine.Process("flaky").Restarts >= 2, "two restarts");
        var exited = engine.Events.First(e => e.Message == "exited: flaky (exit status 3; not expected)");
        var respawn = engine.Events.First(e => e.Sequence > exited.Sequence && e.Message.StartsWith("spawned: 'flaky'", StringComparison.Ordinal));
        // At once: well under the 1 s a retry from BACKOFF would wait (room for a loaded machine).
        Assert.InRange((respawn.Time - exited.Time).TotalMilliseconds, 0, 600);
    }

    [Fact]
    public async Task Stop_kills_grandchildren_with_the_group()
    {
        await using var engine = new RealEngine("""
            [programs.parent]
            command = "/bin/sh -c 'sleep 1000 & echo $! > grandchild.pid; wait'"
            directory = "."
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var pidFile = Path.Combine(engine.Folder, "grandchild.pid");
        Poll.Until(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n'), "the grandchild's pid file");
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(RealEngine.IsAlive(grandchild));

        await engine.Supervisor.StopAsync(["parent"]);
        Poll.Until(() => !RealEngine.IsAlive(grandchild), "the grandchild to be gone");
    }

    [Fact]
    public async Task With_stopasgroup_false_only_the_process_is_signalled_as_in_supervisord()
    {
        await using var engine = new RealEngine("""
            [programs.parent]
            command = "/bin/sh -c 'sleep 1000 & echo $! > grandchild.pid; wait'"
            directory = "."
            startsecs = 0
            stopasgroup = false
            killasgroup = false
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var pidFile = Path.Combine(engine.Folder, "grandchild.pid");
        Poll.Until(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n'), "the grandchild's pid file");
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await engine.Supervisor.StopAsync(["parent"]);
            Assert.Equal(ProcessState.Stopped, engine.Process("parent").State);
            Assert.True(RealEngine.IsAlive(grandchild), "the grandchild should survive, as under supervisord's defaults");
        }
        finally
        {
            Process.Start("kill", ["-9", grandchild.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        }
    }

    [Fact]
    public async Task Child_ignoring_SIGTERM_is_killed_after_stopwaitsecs()
    {
        await using var engine = new RealEngine("""
            [programs.stubborn]
            command = "/bin/sh -c 'trap \"\" TERM; echo ready; while true; do sleep 1; done'"
            startsecs = 0
            stopwaitsecs = 1
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        engine.WaitForState("stubborn", ProcessState.Running);
        Poll.Until(() => engine.Tail("stubborn", false, 1).Length > 0, "the trap to be set");

        var clock = Stopwatch.StartNew();
        await engine.Supervisor.StopAsync(["stubborn"]);
        // After stopwaitsecs (1 s), far from the default 10 s; the upper bound leaves room for a loaded machine.
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.95, 5);
        Assert.Contains(engine.Messages, m => m.StartsWith("killing 'stubborn' (", StringComparison.Ordinal));
        Assert.Contains("stopped: stubborn (terminated by SIGKILL)", engine.Messages);
    }

    [Fact]
    public async Task Output_is_captured_byte_for_byte_to_the_log_file_and_the_tail()
    {
        await using var engine = new RealEngine("""
            [programs.talker]
            command = ["/bin/sh", "-c", "printf 'hello\\n\\001\\377 raw\\n'; echo oops >&2; exec sleep 1000"]
            startsecs = 0
            stdout_logfile = "out.log"
            stderr_logfile = "err.log"
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var outLog = Path.Combine(engine.Folder, "out.log");
        Poll.Until(() => File.Exists(outLog) && new FileInfo(outLog).Length == 13, "13 bytes in out.log");
        Assert.Equal("hello\n\u0001"u8.ToArray().Concat(new byte[] { 0xFF }).Concat(" raw\n"u8.ToArray()), File.ReadAllBytes(outLog));
        Poll.Until(() => File.Exists(Path.Combine(engine.Folder, "err.log")) && File.ReadAllText(Path.Combine(engine.Folder, "err.log")) == "oops\n", "stderr in err.log");
        Assert.Equal("oops\n"u8.ToArray(), engine.Tail("talker", true, 5));
    }

    [Fact]
    public async Task Reopening_log_files_after_logrotate_moved_them_writes_to_a_new_file()
    {
        await using var engine = new RealEngine("""
            [programs.ticker]
            command = "/bin/sh -c 'while true; do echo tick; sleep 0.05; done'"
            startsecs = 0
            stdout_logfile = "ticker.log"
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var log = Path.Combine(engine.Folder, "ticker.log");
        Poll.Until(() => File.Exists(log) && new FileInfo(log).Length > 0, "the first ticks");
        File.Move(log, log + ".rotated");

        await engine.Supervisor.ReopenLogFilesAsync();

        Poll.Until(() => File.Exists(log) && File.ReadAllText(log).StartsWith("tick\n", StringComparison.Ordinal), "ticks in a new file");
        Assert.Contains("reopened the log files", engine.Messages);
    }

    [Fact]
    public async Task A_missing_command_is_refused_by_start_and_goes_fatal_at_autostart()
    {
        await using var engine = new RealEngine("""
            [programs.nocmd]
            command = "/nonexistent/bin/prog --flag"
            startretries = 1
            autostart = false
            [programs.auto]
            command = "/nonexistent/bin/other"
            startretries = 0
            """);
        Assert.Equal([new ActionResult("nocmd", ActionOutcome.NoSuchFile)], await engine.Supervisor.StartAsync(["nocmd"]));
        Assert.Equal(ProcessState.Stopped, engine.Process("nocmd").State);

        await engine.Supervisor.StartAutostartProgramsAsync();
        var fatal = engine.WaitForState("auto", ProcessState.Fatal);
        Assert.Equal("can't find command '/nonexistent/bin/other'", fatal.SpawnError);
    }

    [Fact]
    public async Task A_program_for_another_user_is_refused_rather_than_run_as_the_engines_user()
    {
        await using var engine = new RealEngine("""
            [programs.other]
            command = "sleep 1000"
            user = "nobody"
            startretries = 0

            [programs.ghost]
            command = "sleep 1000"
            user = "nobody-at-all"
            startretries = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();

        // This engine has no launcher for the trampoline (that is the executable's), and only root may switch.
        var fatal = engine.WaitForState("other", ProcessState.Fatal);
        Assert.StartsWith("couldn't setuid to 65534: ", fatal.SpawnError, StringComparison.Ordinal);
        Assert.Null(fatal.Pid);
        Assert.Equal("couldn't setuid to nobody-at-all: Can't find username 'nobody-at-all'", engine.WaitForState("ghost", ProcessState.Fatal).SpawnError);
    }

    [Fact]
    public async Task Children_get_supervisords_environment_variables()
    {
        await using var engine = new RealEngine("""
            [programs.env]
            command = "/bin/sh -c 'env | grep -E \"^(SUPERVISOR|TUISUPERVISOR|FOO)\" | sort; exec sleep 1000'"
            environment = { FOO = "bar" }
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        Poll.Until(() => engine.Tail("env", false, 10).Length > 0 && engine.Tail("env", false, 10).Count(b => b == '\n') == 5, "the environment listing");
        var lines = System.Text.Encoding.UTF8.GetString(engine.Tail("env", false, 10)).TrimEnd().Split('\n');
        Assert.Equal(["FOO=bar", "SUPERVISOR_ENABLED=1", "SUPERVISOR_GROUP_NAME=env", "SUPERVISOR_PROCESS_NAME=env", "TUISUPERVISOR_PROCESS_NAME=env"], lines);
    }

    [Fact]
    public async Task Shutdown_stops_the_highest_priority_first_and_leaves_nothing_running()
    {
        var engine = new RealEngine("""
            [programs.first]
            command = "sleep 1000"
            startsecs = 0
            priority = 10
            [programs.last]
            command = "sleep 1000"
            startsecs = 0
            priority = 20
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var pids = new[] { engine.WaitForState("first", ProcessState.Running).Pid!.Value, engine.WaitForState("last", ProcessState.Running).Pid!.Value };
        await engine.Supervisor.ShutdownAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var stops = engine.Messages.Where(m => m.StartsWith("stopped: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["stopped: last (terminated by SIGTERM)", "stopped: first (terminated by SIGTERM)"], stops);
        Assert.All(pids, pid => Assert.False(RealEngine.IsAlive(pid)));
        await engine.DisposeAsync();
    }
}
