using System.Text;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;
using Xunit.Abstractions;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>
/// The reliability suite's faults (issue 8), each with what is expected. Elsewhere: the engine
/// killed with SIGKILL and restarted (TuiSupervisor.Tests/EngineLifecycleTests), a 100 MB line
/// without newline with bounded memory (Engine/EngineMemoryTests; the 1 GiB run with the engine's
/// RSS is `bench/run --only nonewline`); 1,000 socket clients wait for the control socket.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Lines = 12_000;

    [Fact]
    public async Task A_full_log_filesystem_blocks_neither_child_nor_engine_and_the_log_gets_everything_once_space_returns()
    {
        using var full = new FullFilesystem("writer.log");
        output.WriteLine(full.How);
        await using var engine = new RealEngine($$"""
            [programs.writer]
            command = ["/bin/sh", "-c", "trap 'echo after-space-returned' USR1; i=0; while [ $i -lt {{Lines}} ]; do echo \"line $i of the writer's output\"; i=$((i+1)); done; echo done-writing; while :; do sleep 0.1; done"]
            startsecs = 0
            stdout_logfile = "{{full.LogPath}}"
            stdout_logfile_maxbytes = 0
            """);
        await engine.Supervisor.StartAsync(["writer"]);

        // Expected while full: the child writes everything without blocking, the tail has it, the
        // engine reports the failure once and keeps answering.
        Poll.Until(() => Encoding.UTF8.GetString(engine.Tail("writer", lines: 1)) == "done-writing\n", "the child to write all its output");
        Poll.Until(() => engine.Events.Any(e => e is { Process: "writer", Level: EventLevel.Error } && e.Message.Contains("No space left on device", StringComparison.Ordinal)), "the failure to be reported");
        Assert.Single(engine.Events, e => e is { Process: "writer", Level: EventLevel.Error });
        Assert.Equal(ProcessState.Running, (await engine.Supervisor.SnapshotAsync()).Find("writer")!.State);

        // Expected once space returns: the next output brings the file up to date, nothing lost.
        full.FreeSpace();
        await engine.Supervisor.SignalAsync(10, ["writer"]);
        var expected = new StringBuilder();
        for (var i = 0; i < Lines; i++)
            expected.Append("line ").Append(i).Append(" of the writer's output\n");
        expected.Append("done-writing\nafter-space-returned\n");
        Poll.Until(() => File.Exists(full.LogPath) && new FileInfo(full.LogPath).Length >= expected.Length, "the log to catch up");
        Assert.Equal(expected.ToString(), File.ReadAllText(full.LogPath));
        // The recovery is reported from the writing thread through the engine's loop, just after the write.
        Poll.Until(() => engine.Events.Any(e => e is { Process: "writer", Level: EventLevel.Info } && e.Message.Contains("writing again", StringComparison.Ordinal)), "the recovery to be reported");
    }

    [Fact]
    public async Task A_log_path_through_a_file_is_one_error_naming_the_program_the_log_and_what_is_in_the_way()
    {
        await using var engine = new RealEngine("""
            [programs.a]
            command = ["/bin/sh", "-c", "echo hello; exec sleep 1000"]
            startsecs = 0
            stdout_logfile = "notadir/a.log"
            """);
        File.WriteAllText(Path.Combine(engine.Folder, "notadir"), "a file where the log folder should be");
        await engine.Supervisor.StartAsync(["a"]);

        var path = Path.Combine(engine.Folder, "notadir", "a.log");
        var expected = $"a: stdout log: cannot open {path}: {Path.Combine(engine.Folder, "notadir")} is not a folder; retrying at each write";
        Poll.Until(() => engine.Events.Any(e => e.Level == EventLevel.Error), "the failure to be reported");
        Assert.Equal([expected], engine.Events.Where(e => e.Level == EventLevel.Error).Select(e => e.Message));
    }

    [Fact]
    public async Task A_child_closing_its_stdout_early_stays_running_and_its_stderr_is_still_captured()
    {
        await using var engine = new RealEngine("""
            [programs.closer]
            command = ["/bin/sh", "-c", "echo before-closing; exec >&-; echo after-closing >&2; while :; do sleep 0.1; done"]
            startsecs = "0.5s"
            stdout_logfile = "out.log"
            stderr_logfile = "err.log"
            """);

        // Expected: end of file on stdout is not an exit; the process reaches RUNNING, stays in
        // it, its stderr goes on being captured, and a stop stops it as usual.
        var started = await engine.Supervisor.StartAsync(["closer"]);
        Assert.Equal([new ActionResult("closer", ActionOutcome.Started)], started);
        Poll.Until(() => File.Exists(Path.Combine(engine.Folder, "err.log")) && File.ReadAllText(Path.Combine(engine.Folder, "err.log")) == "after-closing\n", "stderr in err.log");
        Assert.Equal("before-closing\n", File.ReadAllText(Path.Combine(engine.Folder, "out.log")));
        var running = engine.Process("closer");
        Assert.Equal(ProcessState.Running, running.State);
        Assert.True(RealEngine.IsAlive(running.Pid!.Value));

        var stopped = await engine.Supervisor.StopAsync(["closer"]);
        Assert.Equal([new ActionResult("closer", ActionOutcome.Stopped)], stopped);
        Assert.Contains("stopped: closer (terminated by SIGTERM)", engine.Messages);
        Assert.DoesNotContain(engine.Events, e => e.Level == EventLevel.Error);
    }
}
