using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Health;

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
