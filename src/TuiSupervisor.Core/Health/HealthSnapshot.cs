namespace TuiSupervisor.Core.Health;

/// <summary>A process's health for status, JSON and the TUI: the verdict and each check's work.</summary>
public sealed record HealthSnapshot(HealthStatus Status, IReadOnlyList<CheckSnapshot> Checks)
{
    /// <summary>The output of the failing check that decided an UNHEALTHY verdict, or of the last failure.</summary>
    public string? LastFailure => Checks.Where(c => c.LastFailure is not null).OrderByDescending(c => c.Failures).ThenByDescending(c => c.LastFailureAt).FirstOrDefault()?.LastFailure;
}
