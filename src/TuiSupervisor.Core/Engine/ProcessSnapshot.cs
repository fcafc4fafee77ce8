using TuiSupervisor.Core.Health;
using TuiSupervisor.Core.Resources;

namespace TuiSupervisor.Core.Engine;

/// <summary>One process as the engine last saw it: what status, the socket and the TUI show.</summary>
public sealed record ProcessSnapshot
{
    public required string Name { get; init; }
    public required string Group { get; init; }
    public required string Program { get; init; }
    public required ProcessState State { get; init; }
    public int? Pid { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>Why the last start failed: a spawn error, or "Exited too quickly …".</summary>
    public string? SpawnError { get; init; }

    public ProcessExit? LastExit { get; init; }
    public int Restarts { get; init; }

    /// <summary>When a BACKOFF process is retried.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public int Priority { get; init; }
    public string? Description { get; init; }

    /// <summary>Why a STARTING process has not been spawned: <c>waiting for db (healthy)</c>.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>Why an UNHEALTHY process is unhealthy: the failing checks' output.</summary>
    public string? UnhealthyReason { get; init; }

    /// <summary>The health checks' verdict and work; null when the program has no checks.</summary>
    public HealthSnapshot? Health { get; init; }

    /// <summary>CPU and memory of the process's whole group at the last sample; null when not running or not sampled yet.</summary>
    public ResourceUsage? Usage { get; init; }

    /// <summary>supervisorctl's name: <c>NAME</c> when the group is named after the process, else <c>GROUP:NAME</c>.</summary>
    public string FullName => Group == Name ? Name : $"{Group}:{Name}";
}
