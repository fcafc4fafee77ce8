namespace TuiSupervisor.Core.Health;

/// <summary>One run of one health check: the verdict, what it saw (short), and how long it took.</summary>
public sealed record ProbeResult(ProbeOutcome Outcome, string Output, TimeSpan Latency, DateTimeOffset At)
{
    public bool Passed => Outcome == ProbeOutcome.Passed;
}
