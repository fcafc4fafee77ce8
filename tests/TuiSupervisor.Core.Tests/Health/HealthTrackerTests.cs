using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Health;

namespace TuiSupervisor.Core.Tests.Health;

public class HealthTrackerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    private static ProbeResult Pass => new(ProbeOutcome.Passed, "ok", TimeSpan.FromMilliseconds(1), At);

    private static ProbeResult Fail(string output = "refused") => new(ProbeOutcome.Failed, output, TimeSpan.FromMilliseconds(1), At);

    private static HealthCheckConfig Tcp(int retries = 3, UnhealthyAction action = UnhealthyAction.Restart) =>
        new() { Type = HealthCheckType.Tcp, Port = 1, Retries = retries, OnUnhealthy = action };

    [Fact]
    public void Unhealthy_only_after_retries_failures_in_a_row()
    {
        var tracker = new HealthTracker([Tcp(retries: 3)]);
        tracker.Begin();
        Assert.True(tracker.Record(0, Pass, inStartPeriod: false));
        Assert.Equal(HealthStatus.Healthy, tracker.Status);
        tracker.Record(0, Fail(), false);
        tracker.Record(0, Fail(), false);
        Assert.Equal(HealthStatus.Healthy, tracker.Status);
        tracker.Record(0, Pass, false);
        tracker.Record(0, Fail(), false);
        tracker.Record(0, Fail(), false);
        Assert.Equal(HealthStatus.Healthy, tracker.Status);
        Assert.True(tracker.Record(0, Fail("refused 3"), false));
        Assert.Equal(HealthStatus.Unhealthy, tracker.Status);
        Assert.Equal("refused 3", tracker.FailureReason);
        Assert.True(tracker.RestartWanted);
        Assert.Equal(3, tracker.ToSnapshot().Checks[0].Failures);
    }

    [Fact]
    public void Failures_in_the_start_period_before_a_first_pass_do_not_count()
    {
        var tracker = new HealthTracker([Tcp(retries: 1)]);
        tracker.Begin();
        tracker.Record(0, Fail(), inStartPeriod: true);
        tracker.Record(0, Fail(), inStartPeriod: true);
        Assert.Equal(HealthStatus.Starting, tracker.Status);
        Assert.Equal("refused", tracker.ToSnapshot().LastFailure);
        tracker.Record(0, Fail(), inStartPeriod: false);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Status);
    }

    [Fact]
    public void Every_check_must_pass_and_only_a_failing_restart_check_asks_for_a_restart()
    {
        var tracker = new HealthTracker([Tcp(retries: 1, action: UnhealthyAction.None), Tcp(retries: 1)]);
        tracker.Begin();
        tracker.Record(0, Pass, false);
        Assert.Equal(HealthStatus.Starting, tracker.Status);
        tracker.Record(1, Pass, false);
        Assert.Equal(HealthStatus.Healthy, tracker.Status);
        tracker.Record(0, Fail(), false);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Status);
        Assert.False(tracker.RestartWanted);
        tracker.Record(1, Fail(), false);
        Assert.True(tracker.RestartWanted);
    }

    [Fact]
    public void A_stale_heartbeat_fails_at_the_first_look_and_results_after_the_end_are_ignored()
    {
        var tracker = new HealthTracker([new HealthCheckConfig { Type = HealthCheckType.Heartbeat, File = "/tmp/x", Retries = 3 }]);
        tracker.Begin();
        tracker.Record(0, new ProbeResult(ProbeOutcome.Pending, "no heartbeat yet", TimeSpan.Zero, At), false);
        Assert.Equal(HealthStatus.Starting, tracker.Status);
        tracker.Record(0, Fail("no heartbeat for 3 s"), false);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Status);
        tracker.End();
        Assert.False(tracker.Record(0, Pass, false));
        Assert.Equal(HealthStatus.Unknown, tracker.Status);
    }
}
