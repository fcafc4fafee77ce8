using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Engine;

/// <summary>The operator's operations: start, stop, signal, shutdown (supervisorctl's meanings).</summary>
public sealed partial class Supervisor
{
    private const int SigKill = 9;

    private TaskCompletionSource? _shutdown;

    public async Task<IReadOnlyList<ActionResult>> StartAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default)
    {
        var pending = await Invoke(() => Slots(processes).OrderBy(s => s.Program.Priority).ThenBy(s => s.FullName, StringComparer.Ordinal).Select(BeginStart).ToList()).ConfigureAwait(false);
        var results = new List<ActionResult>();
        foreach (var (name, outcome) in pending)
            results.Add(new ActionResult(name, await outcome.WaitAsync(cancellationToken).ConfigureAwait(false)));
        return results;
    }

    public async Task<IReadOnlyList<ActionResult>> StopAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default)
    {
        var pending = await Invoke(() => Slots(processes).OrderBy(s => s.Program.Priority).ThenBy(s => s.FullName, StringComparer.Ordinal).Select(BeginStop).ToList()).ConfigureAwait(false);
        var results = new List<ActionResult>();
        foreach (var (name, outcome) in pending)
            results.Add(new ActionResult(name, await outcome.WaitAsync(cancellationToken).ConfigureAwait(false)));
        return results;
    }

    public Task<IReadOnlyList<ActionResult>> SignalAsync(int signal, IReadOnlyList<string> processes, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<ActionResult>>(() => [.. Slots(processes).Select(slot =>
        {
            if (slot.Runtime.Pid is not { } pid || !slot.Runtime.State.IsRunningLike())
                return new ActionResult(slot.FullName, ActionOutcome.NotRunning);
            _spawner.SignalGroup(pid, signal);
            Emit(slot.FullName, EventLevel.Info, $"signalled: {slot.FullName} with {Signals.Name(signal)}");
            return new ActionResult(slot.FullName, ActionOutcome.Signalled);
        })]).WaitAsync(cancellationToken);

    /// <summary>
    /// supervisord's shutdown order: the highest priority first, and the next priority only when
    /// every process of the previous one has stopped.
    /// </summary>
    public async Task ShutdownAsync()
    {
        var first = false;
        var shutdown = await Invoke(() =>
        {
            if (_shutdown is null)
            {
                first = true;
                _shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _shutdown;
        }).ConfigureAwait(false);
        if (!first)
        {
            await shutdown.Task.ConfigureAwait(false);
            return;
        }

        Post(() => Emit(null, EventLevel.Info, "shutting down"));
        var priorities = await Invoke(() => _slots.Select(s => s.Program.Priority).Distinct().OrderDescending().ToList()).ConfigureAwait(false);
        foreach (var priority in priorities)
        {
            var names = await Invoke(() => _slots.Where(s => s.Program.Priority == priority).Select(s => s.FullName).ToList()).ConfigureAwait(false);
            await StopAsync(names).ConfigureAwait(false);
        }

        await Invoke(() => Emit(null, EventLevel.Info, "all processes stopped")).ConfigureAwait(false);
        shutdown.SetResult();
    }

    /// <summary>SIGKILL to every process group still alive (the second Ctrl-C during a shutdown).</summary>
    public Task KillAllAsync() => Invoke(() =>
    {
        foreach (var slot in _slots)
        {
            if (slot.Runtime.Pid is { } pid)
                _spawner.SignalGroup(pid, SigKill);
        }

        Emit(null, EventLevel.Warn, "killed every remaining process with SIGKILL");
    });

    /// <summary>Reopens every child log file (SIGUSR2, after logrotate moved them).</summary>
    public Task ReopenLogFilesAsync() => Invoke(() =>
    {
        foreach (var slot in _slots)
        {
            slot.StdoutFile?.Reopen();
            slot.StderrFile?.Reopen();
        }

        Emit(null, EventLevel.Info, "reopened the log files");
    });

    private IEnumerable<ProcessSlot> Slots(IReadOnlyList<string> names) =>
        names.Select(name => _slots.FirstOrDefault(s => s.FullName == name)).OfType<ProcessSlot>();

    private (string Name, Task<ActionOutcome> Outcome) BeginStart(ProcessSlot slot)
    {
        switch (slot.Runtime.State)
        {
            case ProcessState.Starting or ProcessState.Running or ProcessState.Backoff or ProcessState.Stopping:
                return (slot.FullName, Task.FromResult(ActionOutcome.AlreadyStarted));
        }

        // supervisorctl checks the command before any state change: a missing or non-executable
        // file is refused and the process stays as it was.
        var path = slot.Config.Environment.GetValueOrDefault("PATH") ?? _engineEnvironment.GetValueOrDefault("PATH");
        var check = SpawnPreflight.ResolveCommand(slot.Config.Command[0], slot.Config.Directory, path, out _);
        if (check is not null)
        {
            Emit(slot.FullName, EventLevel.Warn, $"start refused: {check.Message}");
            return (slot.FullName, Task.FromResult(check.Kind == SpawnErrorKind.NotExecutable ? ActionOutcome.NotExecutable : ActionOutcome.NoSuchFile));
        }

        Emit(slot.FullName, EventLevel.Info, $"operator: start {slot.FullName}");
        Apply(slot, ProcessInput.Start.Instance);
        var reached = WaitFor(slot, s => s is ProcessState.Running or ProcessState.Fatal or ProcessState.Stopped or ProcessState.Exited);
        return (slot.FullName, reached.ContinueWith(
            t => t.Result switch
            {
                ProcessState.Running => ActionOutcome.Started,
                ProcessState.Fatal => ActionOutcome.SpawnError,
                _ => ActionOutcome.AbnormalTermination,
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default));
    }

    private (string Name, Task<ActionOutcome> Outcome) BeginStop(ProcessSlot slot)
    {
        if (slot.Runtime.State is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal)
            return (slot.FullName, Task.FromResult(ActionOutcome.NotRunning));
        Emit(slot.FullName, EventLevel.Info, $"operator: stop {slot.FullName}");
        Apply(slot, ProcessInput.Stop.Instance);
        var stopped = WaitFor(slot, s => s is ProcessState.Stopped);
        return (slot.FullName, stopped.ContinueWith(
            _ => ActionOutcome.Stopped,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default));
    }
}
