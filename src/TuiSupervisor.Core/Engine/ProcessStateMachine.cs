using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Engine;

/// <summary>The next state of a process, and what the loop must do about it.</summary>
internal sealed record Transition(ProcessRuntime Next, IReadOnlyList<ProcessEffect> Effects);

/// <summary>
/// supervisord's process lifecycle as a pure function: given a process's runtime state, an input,
/// its program's options and the time, it returns the next state and the effects to carry out.
/// The rules and texts are supervisord 4.2's (<c>process.py</c>, measured in
/// supervisord-semantics.md): a start that dies within <c>startsecs</c> is a BACKOFF, retry n waits
/// n seconds, after <c>startretries</c> retries it is FATAL; an exit after RUNNING is EXITED and
/// restarted at once when <c>autorestart</c> says so. Unlike supervisord, deadlines are timers
/// that fire on time rather than checks in a 1-second poll.
/// <para>
/// Every input is only allowed in some states; anything else is a bug in the loop and throws,
/// as supervisord's <c>_assertInState</c> does.
/// </para>
/// </summary>
internal static class ProcessStateMachine
{
    public const string TooQuickly = "Exited too quickly (process log may have details)";

    private const int SigKill = 9;

    public static Transition Handle(ProcessRuntime current, ProcessInput input, ProgramConfig program, string name, DateTimeOffset now)
    {
        var effects = new List<ProcessEffect>();
        var next = input switch
        {
            ProcessInput.Start => Start(current, effects),
            ProcessInput.Spawned spawned => Spawned(current, spawned.Pid, program, name, now, effects),
            ProcessInput.SpawnFailed failed => SpawnFailed(current, failed.Reason, program, name, now, effects),
            ProcessInput.Exited exited => Exited(current, exited.Exit, program, name, now, effects),
            ProcessInput.Stop => Stop(current, program, name, now, effects),
            ProcessInput.Wait wait => Wait(current, wait.Reason, name, effects),
            ProcessInput.Proceed => Proceed(current, name, effects),
            ProcessInput.HealthFailed failed => HealthFailed(current, failed, program, name, effects),
            ProcessInput.HealthRecovered => HealthRecovered(current, effects),
            ProcessInput.Restart restart => Restart(current, restart.Reason, program, name, effects),
            ProcessInput.TimerFired timer when timer.Generation != current.Generation => current,
            ProcessInput.TimerFired timer => TimerFired(current, timer.Kind, program, name, now, effects),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown input"),
        };
        return new Transition(next, effects);
    }

    private static ProcessRuntime Start(ProcessRuntime current, List<ProcessEffect> effects)
    {
        Assert(current, ProcessInput.Start.Instance, ProcessState.Stopped, ProcessState.Exited, ProcessState.Fatal);

        // STOPPED | EXITED | FATAL -> STARTING: an operator start forgets earlier failures.
        var starting = Enter(current, ProcessState.Starting, effects) with { Backoff = 0, AutoRestarts = 0, SpawnError = null, RestartReason = null };
        effects.Add(new ProcessEffect.Spawn());
        return starting;
    }

    private static ProcessRuntime Wait(ProcessRuntime current, string reason, string name, List<ProcessEffect> effects)
    {
        Assert(current, "wait for dependencies", ProcessState.Stopped, ProcessState.Exited, ProcessState.Fatal, ProcessState.Starting);
        ProcessRuntime waiting;
        if (current.State == ProcessState.Starting)
        {
            // STARTING (waiting) -> STARTING (waiting): the reason changed, e.g. a dependency went FATAL.
            AssertWaiting(current, "wait for dependencies");
            waiting = current with { WaitingFor = reason };
        }
        else
        {
            // STOPPED | EXITED | FATAL -> STARTING (waiting): an operator start, nothing spawned until the dependencies hold.
            waiting = Enter(current, ProcessState.Starting, effects) with { Backoff = 0, AutoRestarts = 0, SpawnError = null, RestartReason = null, WaitingFor = reason };
        }

        effects.Add(new ProcessEffect.Log(EventLevel.Info, $"{name}: {reason}", EventKind.Dependency));
        return waiting;
    }

    private static ProcessRuntime Proceed(ProcessRuntime current, string name, List<ProcessEffect> effects)
    {
        Assert(current, ProcessInput.Proceed.Instance, ProcessState.Starting);
        AssertWaiting(current, ProcessInput.Proceed.Instance);

        // STARTING (waiting) -> STARTING (spawning)
        effects.Add(new ProcessEffect.Log(EventLevel.Info, $"{name}: dependencies hold, starting", EventKind.Dependency));
        effects.Add(new ProcessEffect.Spawn());
        return current with { WaitingFor = null };
    }

    private static ProcessRuntime HealthFailed(ProcessRuntime current, ProcessInput.HealthFailed failed, ProgramConfig program, string name, List<ProcessEffect> effects)
    {
        Assert(current, "health failure", ProcessState.Running, ProcessState.Unhealthy);
        var unhealthy = current with { UnhealthyReason = failed.Reason };
        // RUNNING -> UNHEALTHY (the loop has announced the verdict already)
        if (current.State == ProcessState.Running)
            unhealthy = Enter(unhealthy, ProcessState.Unhealthy, effects);

        // UNHEALTHY -> STOPPING, to start again when it has stopped (on_unhealthy = "restart").
        return failed.RestartWanted ? StopToRestart(unhealthy, $"unhealthy: {failed.Reason}", EventKind.Health, program, name, effects) : unhealthy;
    }

    private static ProcessRuntime HealthRecovered(ProcessRuntime current, List<ProcessEffect> effects)
    {
        Assert(current, ProcessInput.HealthRecovered.Instance, ProcessState.Running, ProcessState.Unhealthy);
        if (current.State == ProcessState.Running)
            return current;

        // UNHEALTHY -> RUNNING
        return Enter(current, ProcessState.Running, effects) with { UnhealthyReason = null };
    }

    private static ProcessRuntime Restart(ProcessRuntime current, string reason, ProgramConfig program, string name, List<ProcessEffect> effects)
    {
        Assert(current, "restart", ProcessState.Running, ProcessState.Unhealthy);

        // RUNNING | UNHEALTHY -> STOPPING, to start again when it has stopped.
        return StopToRestart(current, reason, EventKind.Limit, program, name, effects);
    }

    private static ProcessRuntime Spawned(ProcessRuntime current, int pid, ProgramConfig program, string name, DateTimeOffset now, List<ProcessEffect> effects)
    {
        Assert(current, "spawned", ProcessState.Starting);
        effects.Add(new ProcessEffect.Log(EventLevel.Info, $"spawned: '{name}' with pid {pid}"));
        var started = current with { Pid = pid, StartedAt = now };
        if (program.StartSecs > TimeSpan.Zero)
        {
            effects.Add(new ProcessEffect.SetTimer(TimerKind.StartSecs, program.StartSecs, started.Generation));
            return started;
        }

        // STARTING -> RUNNING: startsecs = 0 means running as soon as it exists.
        return BecomeRunning(started, program, name, effects);
    }

    private static ProcessRuntime SpawnFailed(ProcessRuntime current, string reason, ProgramConfig program, string name, DateTimeOffset now, List<ProcessEffect> effects)
    {
        Assert(current, "spawn failed", ProcessState.Starting);
        effects.Add(new ProcessEffect.Log(EventLevel.Info, $"spawnerr: {reason}"));

        // STARTING -> BACKOFF: no process could be made; retried like a too-quick exit.
        return EnterBackoff(current with { Pid = null, StartedAt = now }, reason, program, name, now, effects);
    }

    private static ProcessRuntime Exited(ProcessRuntime current, ProcessExit exit, ProgramConfig program, string name, DateTimeOffset now, List<ProcessEffect> effects)
    {
        Assert(current, "exited", ProcessState.Starting, ProcessState.Running, ProcessState.Unhealthy, ProcessState.Stopping);
        var ended = current with { Pid = null, StoppedAt = now, LastExit = exit, UnhealthyReason = null };
        var expected = exit.Code is { } code && program.ExitCodes.Contains(code);

        if (current.State == ProcessState.Stopping)
        {
            // STOPPING -> STOPPED
            var level = exit.Signal is null && expected ? EventLevel.Info : EventLevel.Warn;
            effects.Add(new ProcessEffect.Log(level, $"stopped: {name} ({exit.Text})"));
            if (current.RestartReason is { } reason)
            {
                // STOPPING -> EXITED -> STARTING: the stop was a restart (health, limits), counted as an automatic one.
                var exitedToRestart = Enter(ended, ProcessState.Exited, effects) with { RestartReason = null };
                return RestartAfterExit(exitedToRestart, program, name, effects);
            }

            return Enter(ended, ProcessState.Stopped, effects);
        }

        var ranFor = now - (current.StartedAt ?? now);
        if (current.State == ProcessState.Starting && ranFor < program.StartSecs)
        {
            // STARTING -> BACKOFF: it died before startsecs, whatever its exit code.
            effects.Add(new ProcessEffect.Log(EventLevel.Warn, $"exited: {name} ({exit.Text}; not expected)"));
            return EnterBackoff(ended, TooQuickly, program, name, now, effects);
        }

        // STARTING | RUNNING -> EXITED: it ran long enough to have started.
        effects.Add(new ProcessEffect.Log(expected ? EventLevel.Info : EventLevel.Warn, $"exited: {name} ({exit.Text}; {(expected ? "expected" : "not expected")})"));
        var exited = Enter(ended, ProcessState.Exited, effects) with { Backoff = 0 };
        var restart = program.AutoRestart == Config.AutoRestart.Always || (program.AutoRestart == Config.AutoRestart.Unexpected && !expected);
        return restart ? RestartAfterExit(exited, program, name, effects) : exited;
    }

    private static ProcessRuntime Stop(ProcessRuntime current, ProgramConfig program, string name, DateTimeOffset now, List<ProcessEffect> effects)
    {
        Assert(current, ProcessInput.Stop.Instance, ProcessState.Starting, ProcessState.Running, ProcessState.Unhealthy, ProcessState.Backoff, ProcessState.Stopping);
        switch (current.State)
        {
            case ProcessState.Stopping:
                // An operator's stop overrides a restart in progress: it ends STOPPED.
                return current with { RestartReason = null };
            case ProcessState.Backoff:
                // BACKOFF -> STOPPED: nothing is running; the pending retry is dropped.
                return Enter(current, ProcessState.Stopped, effects) with { RetryAt = null, StoppedAt = now };
            case ProcessState.Starting when current.Pid is null:
                // STARTING -> STOPPED: the spawn has not been carried out yet (or it waits for its dependencies).
                return Enter(current, ProcessState.Stopped, effects) with { StoppedAt = now, WaitingFor = null };
        }

        // STARTING | RUNNING | UNHEALTHY -> STOPPING
        return BeginStopping(current, program, name, effects);
    }

    private static ProcessRuntime StopToRestart(ProcessRuntime current, string reason, EventKind kind, ProgramConfig program, string name, List<ProcessEffect> effects)
    {
        effects.Add(new ProcessEffect.Log(EventLevel.Warn, $"restarting {name}: {reason}", kind));
        return BeginStopping(current with { RestartReason = reason }, program, name, effects);
    }

    private static ProcessRuntime BeginStopping(ProcessRuntime current, ProgramConfig program, string name, List<ProcessEffect> effects)
    {
        var stopping = Enter(current, ProcessState.Stopping, effects);
        effects.Add(new ProcessEffect.Log(EventLevel.Info, $"waiting for {name} to stop"));
        effects.Add(new ProcessEffect.Signal(program.StopSignal, program.StopAsGroup));
        effects.Add(new ProcessEffect.SetTimer(TimerKind.StopTimeout, program.StopWait, stopping.Generation));
        return stopping;
    }

    private static ProcessRuntime TimerFired(ProcessRuntime current, TimerKind kind, ProgramConfig program, string name, DateTimeOffset now, List<ProcessEffect> effects)
    {
        switch (kind)
        {
            case TimerKind.StartSecs:
                Assert(current, "startsecs timer", ProcessState.Starting);

                // STARTING -> RUNNING
                return BecomeRunning(current, program, name, effects);
            case TimerKind.Retry:
                Assert(current, "retry timer", ProcessState.Backoff);

                // BACKOFF -> STARTING
                var retrying = Enter(current, ProcessState.Starting, effects) with { RetryAt = null, TotalRestarts = current.TotalRestarts + 1, AutoRestarts = current.AutoRestarts + 1 };
                effects.Add(new ProcessEffect.Spawn());
                return retrying;
            case TimerKind.StopTimeout:
                Assert(current, "stop timer", ProcessState.Stopping);

                // STOPPING -> STOPPING (escalated): it ignored the stop signal for stopwaitsecs.
                effects.Add(new ProcessEffect.Log(EventLevel.Warn, $"killing '{name}' ({current.Pid}) with SIGKILL"));
                effects.Add(new ProcessEffect.Signal(SigKill, program.KillAsGroup));
                return current;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown timer");
        }
    }

    private static ProcessRuntime BecomeRunning(ProcessRuntime current, ProgramConfig program, string name, List<ProcessEffect> effects)
    {
        var seconds = program.StartSecs.TotalSeconds;
        effects.Add(new ProcessEffect.Log(EventLevel.Info, $"success: {name} entered RUNNING state, process has stayed up for > than {seconds:0.###} seconds (startsecs)"));
        return Enter(current, ProcessState.Running, effects) with { Backoff = 0, SpawnError = null, UnhealthyReason = null };
    }

    /// <summary>Enters BACKOFF and either schedules the retry or gives up (FATAL).</summary>
    private static ProcessRuntime EnterBackoff(ProcessRuntime current, string reason, ProgramConfig program, string name, DateTimeOffset now, List<ProcessEffect> effects)
    {
        var attempt = current.Backoff + 1;
        var backoff = Enter(current, ProcessState.Backoff, effects) with { Backoff = attempt, SpawnError = reason };
        var restartsLeft = program.Backoff.MaxRestarts < 0 || current.AutoRestarts < program.Backoff.MaxRestarts;
        if (attempt > program.StartRetries || !restartsLeft)
        {
            // BACKOFF -> FATAL: supervisord gives up in the same pass as the last exit.
            var why = restartsLeft ? "too many start retries too quickly" : $"max_restarts ({program.Backoff.MaxRestarts}) reached";
            effects.Add(new ProcessEffect.Log(EventLevel.Info, $"gave up: {name} entered FATAL state, {why}"));
            return Enter(backoff, ProcessState.Fatal, effects);
        }

        var delay = program.Backoff.DelayBeforeRetry(attempt);
        effects.Add(new ProcessEffect.SetTimer(TimerKind.Retry, delay, backoff.Generation));
        return backoff with { RetryAt = now + delay };
    }

    /// <summary>EXITED -> STARTING at once (supervisord has no delay here), unless max_restarts is used up.</summary>
    private static ProcessRuntime RestartAfterExit(ProcessRuntime exited, ProgramConfig program, string name, List<ProcessEffect> effects)
    {
        if (program.Backoff.MaxRestarts >= 0 && exited.AutoRestarts >= program.Backoff.MaxRestarts)
        {
            // EXITED -> FATAL: our max_restarts, beyond supervisord.
            effects.Add(new ProcessEffect.Log(EventLevel.Info, $"gave up: {name} entered FATAL state, max_restarts ({program.Backoff.MaxRestarts}) reached"));
            return Enter(exited, ProcessState.Fatal, effects) with { SpawnError = $"max_restarts ({program.Backoff.MaxRestarts}) reached" };
        }

        var restarting = Enter(exited, ProcessState.Starting, effects) with { TotalRestarts = exited.TotalRestarts + 1, AutoRestarts = exited.AutoRestarts + 1 };
        effects.Add(new ProcessEffect.Spawn());
        return restarting;
    }

    /// <summary>Enters a state, recording it: a transition can pass through several (EXITED on the way to STARTING).</summary>
    private static ProcessRuntime Enter(ProcessRuntime current, ProcessState state, List<ProcessEffect> effects)
    {
        effects.Add(new ProcessEffect.Entered(state));
        return current with { State = state, Generation = current.Generation + 1 };
    }

    private static void AssertWaiting(ProcessRuntime current, object input)
    {
        if (current.WaitingFor is null)
            throw new InvalidOperationException($"{input} is only allowed while STARTING waits for dependencies");
    }

    private static void Assert(ProcessRuntime current, object input, params ProcessState[] allowed)
    {
        if (!allowed.Contains(current.State))
            throw new InvalidOperationException($"{input} is not allowed in {current.State.Text()} (only in {string.Join(", ", allowed.Select(s => s.Text()))})");
    }
}
