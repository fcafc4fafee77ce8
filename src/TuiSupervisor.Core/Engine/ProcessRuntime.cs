namespace TuiSupervisor.Core.Engine;

/// <summary>
/// Everything the state machine knows about one process between events. Immutable: each event
/// yields a new value, which is what snapshots publish.
/// </summary>
internal sealed record ProcessRuntime
{
    public ProcessState State { get; init; } = ProcessState.Stopped;

    public int? Pid { get; init; }

    /// <summary>When the current or last instance was spawned (supervisord's <c>laststart</c>).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last stopped or exited; null when it never ran ("Not started").</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>Too-quick exits in a row (supervisord's <c>backoff</c>); reset on reaching RUNNING.</summary>
    public int Backoff { get; init; }

    /// <summary>Automatic restarts since the last operator start, for <c>max_restarts</c>.</summary>
    public int AutoRestarts { get; init; }

    /// <summary>All restarts since the engine started, for the RESTARTS column.</summary>
    public int TotalRestarts { get; init; }

    /// <summary>Why the last start failed (BACKOFF/FATAL description), e.g. a spawn error.</summary>
    public string? SpawnError { get; init; }

    public ProcessExit? LastExit { get; init; }

    /// <summary>
    /// Set while a STARTING process waits for its dependencies (nothing spawned yet): why, e.g.
    /// <c>waiting for db (healthy)</c>.
    /// </summary>
    public string? WaitingFor { get; init; }

    /// <summary>Set while a stop is a restart (failing health check, limit breach): why it restarts.</summary>
    public string? RestartReason { get; init; }

    /// <summary>Why the process is UNHEALTHY (the failing check's last output).</summary>
    public string? UnhealthyReason { get; init; }

    /// <summary>When the pending retry of a BACKOFF process is due.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>
    /// Increases on every transition. A timer carries the generation it was set in, so a timer
    /// that fires after its state was left (a stop during startsecs, say) is recognised as stale.
    /// </summary>
    public long Generation { get; init; }
}
