namespace TuiSupervisor.Core.Health;

/// <summary>What one run of a health check concluded.</summary>
public enum ProbeOutcome
{
    Passed,
    Failed,

    /// <summary>No verdict yet: a heartbeat file not written since the spawn, still within its timeout.</summary>
    Pending,
}
