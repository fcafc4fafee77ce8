using System.Diagnostics;
using System.Globalization;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Posix;
using TuiSupervisor.Core.Tests.Logging;

namespace TuiSupervisor.Core.Tests.Lifecycle;

public sealed class LeftoverProcessesTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Orphans _orphans = new();
    private readonly LeftoverProcesses _record;

    public LeftoverProcessesTests() => _record = new LeftoverProcesses(LeftoverProcesses.StateFileFor(_directory.File("supervisor.pid")));

    public void Dispose()
    {
        _orphans.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void The_state_file_lives_beside_the_pidfile() =>
        Assert.Equal("/run/app/supervisor.pid.children", LeftoverProcesses.StateFileFor("/run/app/supervisor.pid"));

    [Fact]
    public void Recorded_processes_still_running_are_found_with_their_names()
    {
        int web = _orphans.Start("setsid sleep 1000");
        int worker = _orphans.Start("setsid sleep 1000");

        Assert.Null(_record.Record([(web, "web:web"), (worker, "workers:worker_01")]));

        Assert.Equal(
            [new Leftover(web, LeftoverProcesses.StartTimeOf(web)!.Value, "web:web"), new Leftover(worker, LeftoverProcesses.StartTimeOf(worker)!.Value, "workers:worker_01")],
            LeftoverProcesses.Find(_record.StateFile));
    }

    [Fact]
    public void A_recorded_pid_whose_start_time_differs_is_taken_for_a_reused_pid_and_ignored()
    {
        int reused = _orphans.Start("setsid sleep 1000");
        int kept = _orphans.Start("setsid sleep 1000");
        _record.Record([(reused, "old"), (kept, "kept")]);

        string[] lines = File.ReadAllLines(_record.StateFile);
        string[] fields = lines[0].Split(' ');
        lines[0] = $"{fields[0]} {long.Parse(fields[1], CultureInfo.InvariantCulture) - 1} {fields[2]}";
        File.WriteAllLines(_record.StateFile, lines);

        Assert.Equal(["kept"], LeftoverProcesses.Find(_record.StateFile).Select(l => l.Name));
    }

    [Fact]
    public void Processes_that_exited_before_the_record_was_written_are_left_out()
    {
        using var exited = Process.Start("/bin/true");
        exited.WaitForExit();
        int running = _orphans.Start("setsid sleep 1000");

        _record.Record([(exited.Id, "gone"), (running, "running")]);

        Assert.Single(File.ReadAllLines(_record.StateFile));
    }

    [Fact]
    public void A_new_record_replaces_the_previous_one()
    {
        int first = _orphans.Start("setsid sleep 1000");
        int second = _orphans.Start("setsid sleep 1000");
        _record.Record([(first, "first")]);

        _record.Record([(second, "second")]);

        Assert.Equal(["second"], LeftoverProcesses.Find(_record.StateFile).Select(l => l.Name));
        Assert.False(File.Exists(_record.StateFile + ".tmp"));
    }

    [Fact]
    public void After_clear_nothing_is_found()
    {
        _record.Record([(_orphans.Start("setsid sleep 1000"), "web")]);

        Assert.Null(_record.Clear());

        Assert.False(File.Exists(_record.StateFile));
        Assert.Empty(LeftoverProcesses.Find(_record.StateFile));
        Assert.Null(_record.Clear());
    }

    [Fact]
    public void A_missing_state_file_or_malformed_lines_find_nothing()
    {
        Assert.Empty(LeftoverProcesses.Find(_directory.File("no-such.children")));
        Assert.Empty(LeftoverProcesses.Find(_directory.File("no-such-folder/x.children")));

        int pid = _orphans.Start("setsid sleep 1000");
        File.WriteAllText(_record.StateFile, $"garbage\n{pid}\n{pid} x web\n-{pid} 1 web\n1 1 init\n\n");

        Assert.Empty(LeftoverProcesses.Find(_record.StateFile));
    }

    [Fact]
    public void A_record_that_cannot_be_written_is_reported_not_thrown()
    {
        var record = new LeftoverProcesses(_directory.File("no-such-folder/supervisor.pid.children"));

        string? error = record.Record([(Environment.ProcessId, "self")]);

        Assert.StartsWith($"cannot record the running processes in {record.StateFile}: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leftovers_are_stopped_with_SIGTERM_and_each_is_reported()
    {
        int web = _orphans.Start("setsid sleep 1000");
        int worker = _orphans.Start("setsid sleep 1000");
        _record.Record([(web, "web"), (worker, "worker")]);

        IReadOnlyList<string> lines = await LeftoverProcesses.StopAsync(
            LeftoverProcesses.Find(_record.StateFile), TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal(
            [
                $"stopped leftover process web (pid {web}) from an earlier run that ended without shutting down",
                $"stopped leftover process worker (pid {worker}) from an earlier run that ended without shutting down",
            ],
            lines);
        Assert.Null(LeftoverProcesses.StartTimeOf(web));
        Assert.Null(LeftoverProcesses.StartTimeOf(worker));
    }

    [Fact]
    public async Task A_leftover_ignoring_SIGTERM_is_killed_with_SIGKILL_after_the_grace_period()
    {
        int stubborn = _orphans.Start("trap '' TERM; setsid sleep 1000");
        Assert.True(ProcStatus.HasSignal(stubborn.ToString(CultureInfo.InvariantCulture), "SigIgn", Interop.SIGTERM), "the child should ignore SIGTERM");
        _record.Record([(stubborn, "stubborn")]);
        var clock = Stopwatch.StartNew();

        IReadOnlyList<string> lines = await LeftoverProcesses.StopAsync(
            LeftoverProcesses.Find(_record.StateFile), TimeSpan.FromMilliseconds(300), TimeProvider.System);

        Assert.Equal([$"killed leftover process stubborn (pid {stubborn}) from an earlier run with SIGKILL: it was still running 0.3s after SIGTERM"], lines);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        Assert.Null(LeftoverProcesses.StartTimeOf(stubborn));
    }

    [Fact]
    public async Task Stopping_a_leftover_stops_its_whole_process_group()
    {
        int leader = _orphans.Start("setsid sh -c 'sleep 1000 & wait'");
        Poll.Until(() => Orphans.GroupMembers(leader).Any(), "the grandchild to start");
        int grandchild = Orphans.GroupMembers(leader).Single();
        _record.Record([(leader, "web")]);

        await LeftoverProcesses.StopAsync(LeftoverProcesses.Find(_record.StateFile), TimeSpan.FromSeconds(30), TimeProvider.System);

        Poll.Until(() => LeftoverProcesses.StartTimeOf(grandchild) is null, "the grandchild to end");
    }

    [Fact]
    public async Task A_leftover_that_ended_after_it_was_found_is_reported_as_ended()
    {
        int pid = _orphans.Start("setsid sleep 1000");
        _record.Record([(pid, "web")]);
        IReadOnlyList<Leftover> found = LeftoverProcesses.Find(_record.StateFile);
        ProcessSignaller.SignalGroup(pid, Interop.SIGKILL);
        Poll.Until(() => LeftoverProcesses.StartTimeOf(pid) is null, "the leftover to end");

        IReadOnlyList<string> lines = await LeftoverProcesses.StopAsync(found, TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal([$"leftover process web (pid {pid}) from an earlier run ended before it was stopped"], lines);
    }
}
