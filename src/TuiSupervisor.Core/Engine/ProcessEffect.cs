namespace TuiSupervisor.Core.Engine;

/// <summary>What the loop must do after a transition; the state machine itself touches nothing.</summary>
internal abstract record ProcessEffect
{
    /// <summary>Spawn the process; the loop answers with <see cref="ProcessInput.Spawned"/> or <see cref="ProcessInput.SpawnFailed"/>.</summary>
    public sealed record Spawn : ProcessEffect;

    /// <summary>Send a signal to the process, or to its whole process group.</summary>
    public sealed record Signal(int Number, bool ToGroup) : ProcessEffect;

    /// <summary>Deliver <see cref="ProcessInput.TimerFired"/> after <paramref name="Delay"/>.</summary>
    public sealed record SetTimer(TimerKind Kind, TimeSpan Delay, long Generation) : ProcessEffect;

    /// <summary>The process entered a state (each one, even when the same transition leaves it again).</summary>
    public sealed record Entered(ProcessState State) : ProcessEffect;

    /// <summary>Record an event for the activity log and the event history.</summary>
    public sealed record Log(EventLevel Level, string Message, EventKind Kind = EventKind.Lifecycle) : ProcessEffect;
}

public enum EventLevel
{
    Debug,
    Info,
    Warn,
    Error,
}
