using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Logging;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Engine;

/// <summary>Applying state-machine transitions and carrying out their effects (on the loop).</summary>
public sealed partial class Supervisor
{
    private void Apply(ProcessSlot slot, ProcessInput input)
    {
        var transition = ProcessStateMachine.Handle(slot.Runtime, input, slot.Program, slot.FullName, _time.GetUtcNow());
        var before = slot.Runtime;
        slot.Runtime = transition.Next;
        if (before.Pid is { } oldPid && transition.Next.Pid != oldPid)
            InstanceEnded(slot, oldPid);
        if (!ReferenceEquals(before, transition.Next))
            _dirty = true;

        var from = before.State;
        foreach (var effect in transition.Effects)
        {
            if (effect is ProcessEffect.Entered entered)
            {
                Emit(slot.FullName, EventLevel.Info, $"{slot.FullName}: {from.Text()} -> {entered.State.Text()}", EventKind.State);
                from = entered.State;
            }

            Carry(slot, effect);
        }

        if (!ReferenceEquals(before, slot.Runtime))
            WakeWaiters(slot);
        if (before.State == slot.Runtime.State)
            return;

        // A process that reaches RUNNING with a failing verdict (its checks ran during startsecs) is UNHEALTHY at once.
        if (slot.Runtime.State == ProcessState.Running)
            ActOnHealth(slot);
        ResolveWaiting();
    }

    /// <summary>The instance with <paramref name="pid"/> is gone: forget it, end its checks and its samples.</summary>
    private void InstanceEnded(ProcessSlot slot, int pid)
    {
        if (_byPid.Remove(pid))
            RecordChildren();
        StopHealthChecks(slot);
        slot.Usage = null;
        slot.OverLimit = false;
    }

    private void Carry(ProcessSlot slot, ProcessEffect effect)
    {
        switch (effect)
        {
            case ProcessEffect.Log log:
                Emit(slot.FullName, log.Level, log.Message, log.Kind);
                break;
            case ProcessEffect.Spawn:
                Spawn(slot);
                break;
            case ProcessEffect.Signal signal when slot.Runtime.Pid is { } pid:
                // Our children lead their own session and group (pgid = pid), so the group is
                // addressed by the pid.
                if (signal.ToGroup)
                    _spawner.SignalGroup(pid, signal.Number);
                else
                    _spawner.SignalProcess(pid, signal.Number);
                break;
            case ProcessEffect.SetTimer timer:
                SetTimer(slot, timer);
                break;
        }
    }

    private void Spawn(ProcessSlot slot)
    {
        // An automatic restart, a retry after BACKOFF or a dependency that came up during the
        // shutdown ends STOPPED instead: whatever is spawned now would outlive the engine.
        if (ShuttingDown)
        {
            Emit(slot.FullName, EventLevel.Info, $"not spawned: {slot.FullName}: shutting down");
            Apply(slot, ProcessInput.Stop.Instance);
            return;
        }

        var config = slot.Config;

        // Running the program as the engine's own user instead would be a silent privilege
        // change, so a user we cannot switch to is a spawn error.
        if (UserSwitchPlan.Decide(slot.Program.User, UserSwitchLauncher, out var runAs) is { } userError)
        {
            Apply(slot, new ProcessInput.SpawnFailed(userError));
            return;
        }

        var environment = ChildEnvironment.For(config, _engineEnvironment);
        var request = new SpawnRequest(
            config.Command,
            config.Directory,
            environment,
            slot.Program.Umask ?? _config.Supervisor.Umask,
            slot.Program.RedirectStderr,
            runAs);
        var result = _spawner.Spawn(request);
        if (!result.Succeeded)
        {
            Apply(slot, new ProcessInput.SpawnFailed(result.Error.Message));
            return;
        }

        var child = result.Child;
        _byPid[child.Pid] = slot;
        RecordChildren();
        OpenLogFiles(slot);
        _ = _output.Add(child.Stdout, slot.Stdout, slot.StdoutFile);
        if (child.Stderr is { } stderr)
            _ = _output.Add(stderr, slot.Stderr, slot.StderrFile);
        Apply(slot, new ProcessInput.Spawned(child.Pid));
        if (slot.Runtime.Pid == child.Pid)
            StartHealthChecks(slot, child.Pid, environment);
    }

    private void OpenLogFiles(ProcessSlot slot)
    {
        var childLogDir = _config.Supervisor.ChildLogDir;
        slot.StdoutFile ??= OpenLog(slot, slot.Config.Stdout, childLogDir, OutputStreamKind.Stdout);
        if (!slot.Program.RedirectStderr)
            slot.StderrFile ??= OpenLog(slot, slot.Config.Stderr, childLogDir, OutputStreamKind.Stderr);
    }

    private RotatingLogFile? OpenLog(ProcessSlot slot, LogTarget target, string childLogDir, OutputStreamKind stream)
    {
        var path = ChildLogPaths.Resolve(target, childLogDir, slot.Config.Name, stream);
        if (path is null)
            return null;

        // supervisord refuses a config whose log folder is missing; creating it is kinder, and a
        // folder that cannot be made is reported by the log file like any other write failure
        // (once, naming what is in the way).
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file's own failure says it.
        }

        // The output pump's thread reports file trouble; the loop turns each notice into an event.
        void Notify(LogFileNotice notice) =>
            Post(() => Emit(slot.FullName, notice.Kind == LogFileNoticeKind.Recovered ? EventLevel.Info : EventLevel.Error, $"{slot.FullName}: {stream.ToString().ToLowerInvariant()} log: {notice.Message}"));
        return new RotatingLogFile(path, target.MaxBytes, target.Backups, Notify);
    }

    private void SetTimer(ProcessSlot slot, ProcessEffect.SetTimer timer)
    {
        if (slot.Timers.Remove(timer.Kind, out var previous))
            previous.Dispose();
        var fired = new ProcessInput.TimerFired(timer.Kind, timer.Generation);
        slot.Timers[timer.Kind] = _time.CreateTimer(_ => Post(() => OnTimer(slot, fired)), null, timer.Delay, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(ProcessSlot slot, ProcessInput.TimerFired fired)
    {
        if (_slots.Contains(slot))
            Apply(slot, fired);
    }

    private void OnExit(ExitStatus exit)
    {
        if (!_byPid.Remove(exit.Pid, out var slot))
            return;
        RecordChildren();
        if (slot.Runtime.Pid != exit.Pid)
            return;
        Apply(slot, new ProcessInput.Exited(new ProcessExit(exit.ExitCode, exit.Signal)));
    }

    private static void WakeWaiters(ProcessSlot slot)
    {
        for (var i = slot.Waiters.Count - 1; i >= 0; i--)
        {
            var waiter = slot.Waiters[i];
            if (!waiter.IsDone(slot.Runtime))
                continue;
            slot.Waiters.RemoveAt(i);
            waiter.Completion.TrySetResult(slot.Runtime);
        }
    }

    /// <summary>A task that completes when the process reaches a state <paramref name="isDone"/> accepts (at once if it is in one).</summary>
    private static Task<ProcessRuntime> WaitFor(ProcessSlot slot, Func<ProcessRuntime, bool> isDone)
    {
        if (isDone(slot.Runtime))
            return Task.FromResult(slot.Runtime);
        var completion = new TaskCompletionSource<ProcessRuntime>(TaskCreationOptions.RunContinuationsAsynchronously);
        slot.Waiters.Add(new StateWaiter(isDone, completion));
        return completion.Task;
    }
}
