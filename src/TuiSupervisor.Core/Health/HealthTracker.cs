using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Health;

/// <summary>
/// Turns probe results into a verdict for one process (on the engine's loop only). A check fails
/// the process after <c>retries</c> failures in a row (a heartbeat at its first stale look: its
/// <c>timeout</c> is the tolerance already); failures inside the start period, before the check
/// first passed, are shown but not counted, as Docker's <c>start_period</c>. The process is
/// healthy once every check has passed and none is failing.
/// </summary>
internal sealed class HealthTracker(IReadOnlyList<HealthCheckConfig> checks)
{
    private readonly CheckRecord[] _records = [.. checks.Select(c => new CheckRecord(c))];
    private bool _active;

    public HealthStatus Status { get; private set; } = HealthStatus.Unknown;

    /// <summary>Whether a failing check asks for a restart (<c>on_unhealthy = "restart"</c>).</summary>
    public bool RestartWanted => _records.Any(r => r.IsFailing && r.Check.OnUnhealthy == UnhealthyAction.Restart);

    /// <summary>Why the process is unhealthy: the failing checks' last output.</summary>
    public string FailureReason => string.Join("; ", _records.Where(r => r.IsFailing).Select(r => r.LastFailure));

    /// <summary>A new instance was spawned: every check starts over.</summary>
    public void Begin()
    {
        _active = true;
        foreach (var record in _records)
            record.Reset();
        Status = HealthStatus.Starting;
    }

    /// <summary>The instance is gone: nothing is checked, the last results stay visible.</summary>
    public void End()
    {
        _active = false;
        Status = HealthStatus.Unknown;
    }

    /// <summary>Records a result; true when the verdict changed.</summary>
    public bool Record(int check, ProbeResult result, bool inStartPeriod)
    {
        if (!_active)
            return false;
        _records[check].Record(result, inStartPeriod);
        var status = _records.Any(r => r.IsFailing) ? HealthStatus.Unhealthy
            : _records.All(r => r.HasPassed) ? HealthStatus.Healthy
            : HealthStatus.Starting;
        var changed = status != Status;
        Status = status;
        return changed;
    }

    public HealthSnapshot ToSnapshot() => new(Status, [.. _records.Select(r => r.ToSnapshot())]);

    private sealed class CheckRecord(HealthCheckConfig check)
    {
        private int _failures;
        private ProbeResult? _last;
        private DateTimeOffset? _lastFailureAt;

        public HealthCheckConfig Check { get; } = check;

        public bool HasPassed { get; private set; }

        public bool IsFailing => _failures >= Threshold;

        public string? LastFailure { get; private set; }

        private int Threshold => Check.Type == HealthCheckType.Heartbeat ? 1 : Check.Retries;

        public void Reset()
        {
            HasPassed = false;
            _failures = 0;
        }

        public void Record(ProbeResult result, bool inStartPeriod)
        {
            _last = result;
            switch (result.Outcome)
            {
                case ProbeOutcome.Passed:
                    HasPassed = true;
                    _failures = 0;
                    break;
                case ProbeOutcome.Failed:
                    LastFailure = result.Output;
                    _lastFailureAt = result.At;
                    if (HasPassed || !inStartPeriod)
                        _failures++;
                    break;
            }
        }

        public CheckSnapshot ToSnapshot() => new(Check.Type, HealthTarget.Describe(Check), _failures, Threshold, _last, LastFailure, _lastFailureAt);
    }
}
