using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Health;

/// <summary>A process's health for status, JSON and the TUI: the verdict and each check's work.</summary>
public sealed record HealthSnapshot(HealthStatus Status, IReadOnlyList<CheckSnapshot> Checks)
{
    /// <summary>The output of the failing check that decided an UNHEALTHY verdict, or of the last failure.</summary>
    public string? LastFailure => Checks.Where(c => c.LastFailure is not null).OrderByDescending(c => c.Failures).ThenByDescending(c => c.LastFailureAt).FirstOrDefault()?.LastFailure;
}

/// <summary>
/// One check's record: what it checks, its last result and latency, consecutive failures out of
/// the threshold, and the output of its last failure.
/// </summary>
public sealed record CheckSnapshot(
    HealthCheckType Type,
    string Target,
    int Failures,
    int Threshold,
    ProbeResult? Last,
    string? LastFailure,
    DateTimeOffset? LastFailureAt);
