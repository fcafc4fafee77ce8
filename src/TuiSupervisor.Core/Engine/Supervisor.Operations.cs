using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Engine;

/// <summary>The operator's operations: start, stop, signal, shutdown (supervisorctl's meanings).</summary>
public sealed partial class Supervisor
{
    private const int SigKill = 9;

    private TaskCompletionSource? _shutdown;

    /// <summary>
    /// Once a shutdown has begun (on the loop) nothing may be spawned: its list of what to stop
    /// is already made, so a process started after it would outlive the engine.
    /// </summary>
    private bool ShuttingDown => _shutdown is not null;

    /// <summary>
    /// Starts the processes in dependency order, then priority. Dependencies that are down and
    /// not yet where their dependents need them are started too (process-compose does the same),
    /// so <c>start web</c> brings up its database; only the named processes get a result.
    /// </summary>
    public async Task<IReadOnlyList<ActionResult>> StartAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default)
    {
        var pending = await Invoke(() =>
        {
            var named = Slots(processes).ToList();
            return InStartOrder(named.Concat(DependenciesToStart(named))).Select(slot => (Named: named.Contains(slot), Start: BeginStart(slot))).ToList();
        }).ConfigureAwait(false);
        var results = new List<ActionResult>();
        foreach (var (_, (name, outcome)) in pending.Where(p => p.Named))
            results.Add(new ActionResult(name, await outcome.WaitAsync(cancellationToken).ConfigureAwait(false)));
        return results;
    }

    /// <summary>
    /// Stops the processes in the reverse of the start order: dependents (deeper in the
    /// dependency order) first, each stage signalled together and waited for before the next.
    /// Without dependencies that is a single stage.
    /// </summary>
    public async Task<IReadOnlyList<ActionResult>> StopAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default)
    {
        var stages = await Invoke(() =>
        {
            var depths = DependencyDepths();
            return Slots(processes)
                .GroupBy(s => depths.GetValueOrDefault(s.Program.Name))
                .OrderByDescending(stage => stage.Key)
                .Select(stage => stage.OrderBy(s => s.Program.Priority).ThenBy(s => s.FullName, StringComparer.Ordinal).Select(s => s.FullName).ToList())
                .ToList();
        }).ConfigureAwait(false);
        var results = new List<ActionResult>();
        foreach (var stage in stages)
        {
            var pending = await Invoke(() => Slots(stage).Select(BeginStop).ToList()).ConfigureAwait(false);
            foreach (var (name, outcome) in pending)
                results.Add(new ActionResult(name, await outcome.WaitAsync(cancellationToken).ConfigureAwait(false)));
        }

        return results;
    }

    public Task<IReadOnlyList<ActionResult>> SignalAsync(int signal, IReadOnlyList<string> processes, CancellationToken cancellationToken = default) =>
        Invoke<IReadOnlyList<ActionResult>>(() => [.. Slots(processes).Select(slot =>
        {
            if (slot.Runtime.Pid is not { } pid || !slot.Runtime.State.IsRunningLike())
                return new ActionResult(slot.FullName, ActionOutcome.NotRunning);
            _spawner.SignalGroup(pid, signal);
            Emit(slot.FullName, EventLevel.Info, $"signalled: {slot.FullName} with {Signals.Name(signal)}", EventKind.Operator);
            return new ActionResult(slot.FullName, ActionOutcome.Signalled);
        })]).WaitAsync(cancellationToken);

    /// <summary>
    /// supervisord's shutdown order, after the dependencies: the deepest dependents first, within
    /// them the highest priority first, and each stage only when the previous one has stopped.
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
        var stages = await Invoke(() =>
        {
            var depths = DependencyDepths();
            return _slots
                .GroupBy(s => (Depth: depths.GetValueOrDefault(s.Program.Name), s.Program.Priority))
                .OrderByDescending(stage => stage.Key.Depth)
                .ThenByDescending(stage => stage.Key.Priority)
                .Select(stage => stage.Select(s => s.FullName).ToList())
                .ToList();
        }).ConfigureAwait(false);
        foreach (var names in stages)
            await StopAsync(names).ConfigureAwait(false);

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
        if (ShuttingDown)
        {
            Emit(slot.FullName, EventLevel.Warn, $"start refused: {slot.FullName}: shutting down", EventKind.Operator);
            return (slot.FullName, Task.FromResult(ActionOutcome.ShuttingDown));
        }

        switch (slot.Runtime.State)
        {
            case ProcessState.Starting or ProcessState.Running or ProcessState.Unhealthy or ProcessState.Backoff or ProcessState.Stopping:
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

        Emit(slot.FullName, EventLevel.Info, $"operator: start {slot.FullName}", EventKind.Operator);
        StartOrWait(slot);
        var reached = WaitFor(slot, r => r.State is ProcessState.Running or ProcessState.Unhealthy or ProcessState.Fatal or ProcessState.Stopped or ProcessState.Exited
            || (r.WaitingFor is not null && DependencyStuck(slot)));
        return (slot.FullName, reached.ContinueWith(
            t => t.Result.State switch
            {
                ProcessState.Running or ProcessState.Unhealthy => ActionOutcome.Started,
                ProcessState.Fatal => ActionOutcome.SpawnError,
                ProcessState.Starting => ActionOutcome.DependencyFailed,
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
        Emit(slot.FullName, EventLevel.Info, $"operator: stop {slot.FullName}", EventKind.Operator);
        Apply(slot, ProcessInput.Stop.Instance);
        var stopped = WaitFor(slot, r => r.State is ProcessState.Stopped);
        return (slot.FullName, stopped.ContinueWith(
            _ => ActionOutcome.Stopped,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default));
    }
}
