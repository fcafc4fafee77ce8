namespace TuiSupervisor.Core.Engine;

/// <summary>What can happen to a process: the inputs of <see cref="ProcessStateMachine"/>.</summary>
internal abstract record ProcessInput
{
    /// <summary>An operator (or autostart) asked for it to run.</summary>
    public sealed record Start : ProcessInput
    {
        public static Start Instance { get; } = new();
    }

    /// <summary>An operator (or shutdown) asked for it to stop.</summary>
    public sealed record Stop : ProcessInput
    {
        public static Stop Instance { get; } = new();
    }

    /// <summary>The spawn the machine asked for worked.</summary>
    public sealed record Spawned(int Pid) : ProcessInput;

    /// <summary>The spawn the machine asked for failed before a process existed.</summary>
    public sealed record SpawnFailed(string Reason) : ProcessInput;

    /// <summary>The process was reaped.</summary>
    public sealed record Exited(ProcessExit Exit) : ProcessInput;

    /// <summary>Its dependencies do not hold yet: wait in STARTING, spawning nothing, and say why.</summary>
    public sealed record Wait(string Reason) : ProcessInput;

    /// <summary>The dependencies of a waiting process now hold: spawn it.</summary>
    public sealed record Proceed : ProcessInput
    {
        public static Proceed Instance { get; } = new();
    }

    /// <summary>Its health checks say it is unhealthy; <paramref name="RestartWanted"/> when a failing check asks for a restart.</summary>
    public sealed record HealthFailed(string Reason, bool RestartWanted) : ProcessInput;

    /// <summary>Its health checks pass again.</summary>
    public sealed record HealthRecovered : ProcessInput
    {
        public static HealthRecovered Instance { get; } = new();
    }

    /// <summary>Restart it through the normal stop (a limit was breached with <c>on_limit = "restart"</c>).</summary>
    public sealed record Restart(string Reason) : ProcessInput;

    /// <summary>A timer the machine set went off; stale when its generation is not the current one.</summary>
    public sealed record TimerFired(TimerKind Kind, long Generation) : ProcessInput;
}

internal enum TimerKind
{
    /// <summary>startsecs have passed since the spawn.</summary>
    StartSecs,

    /// <summary>The BACKOFF delay is over: spawn again.</summary>
    Retry,

    /// <summary>stopwaitsecs have passed since the stop signal: SIGKILL.</summary>
    StopTimeout,
}
