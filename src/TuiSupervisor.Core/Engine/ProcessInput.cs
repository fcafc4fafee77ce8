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
