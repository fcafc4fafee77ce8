using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Health;
using TuiSupervisor.Core.Resources;
using TuiSupervisor.Tui;

namespace TuiSupervisor.Tests.Tui;

public class ProcessCellsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProcessSnapshot Running = new()
    {
        Name = "web", Group = "web", Program = "web", State = ProcessState.Running, Pid = 4242,
        StartedAt = Now.AddDays(-2).AddMinutes(-3).AddSeconds(-4), Restarts = 5,
        Usage = new ResourceUsage(12.345, 3 * 1024 * 1024 / 2, 2, Now),
    };

    [Fact]
    public void A_running_process_shows_its_figures_short_enough_for_80_columns()
    {
        Assert.Equal("4242", ProcessCells.Pid(Running));
        Assert.Equal("2d 0:03:04", ProcessCells.Uptime(Running, Now));
        Assert.Equal("12.3", ProcessCells.Cpu([Running]));
        Assert.Equal("1.5M", ProcessCells.Memory([Running]));
        Assert.Equal("5", ProcessCells.Restarts([Running]));
        Assert.Equal(["0B", "512B", "1.0K", "100M", "1.5G"], new long[] { 0, 512, 1024, 100L << 20, 3L << 29 }.Select(ProcessCells.Bytes));
    }

    [Fact]
    public void A_stopped_process_shows_no_pid_uptime_or_usage()
    {
        var stopped = Running with { State = ProcessState.Stopped, StoppedAt = null, Usage = null };
        Assert.Equal("", ProcessCells.Pid(stopped));
        Assert.Equal("", ProcessCells.Uptime(stopped, Now));
        Assert.Equal("", ProcessCells.Cpu([stopped]));
        Assert.Equal("Not started", ProcessCells.Description(stopped, Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_description_says_why_a_process_is_not_running()
    {
        var backoff = Running with { State = ProcessState.Backoff, RetryAt = Now.AddSeconds(2.2), SpawnError = "Exited too quickly (process log may have details)" };
        Assert.Equal("retry in 3 s: Exited too quickly (process log may have details)", ProcessCells.Description(backoff, Now, TimeZoneInfo.Utc));

        var exited = Running with { State = ProcessState.Exited, LastExit = ProcessExit.Exited(3), StoppedAt = new DateTimeOffset(2026, 12, 2, 22, 13, 0, TimeSpan.Zero) };
        Assert.Equal("exit status 3 at Dec 02 10:13 PM", ProcessCells.Description(exited, Now, TimeZoneInfo.Utc));

        var waiting = Running with { State = ProcessState.Starting, WaitingFor = "waiting for db (healthy)" };
        Assert.Equal("waiting for db (healthy)", ProcessCells.Description(waiting, Now, TimeZoneInfo.Utc));

        var unhealthy = Running with { State = ProcessState.Unhealthy, UnhealthyReason = "HTTP 503" };
        Assert.Equal("failing: HTTP 503", ProcessCells.Description(unhealthy, Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Health_shows_the_verdict_and_failures_out_of_the_threshold()
    {
        static ProcessSnapshot With(HealthStatus status, int failures) => Running with
        {
            Health = new HealthSnapshot(status, [new CheckSnapshot(Core.Config.HealthCheckType.Http, "http://x", failures, 3, null, null, null)]),
        };

        Assert.Equal("ok", ProcessCells.Health(With(HealthStatus.Healthy, 0)));
        Assert.Equal("ok 1/3", ProcessCells.Health(With(HealthStatus.Healthy, 1)));
        Assert.Equal("FAIL 3/3", ProcessCells.Health(With(HealthStatus.Unhealthy, 3)));
        Assert.Equal("starting", ProcessCells.Health(With(HealthStatus.Starting, 0)));
        Assert.Equal("", ProcessCells.Health(Running));
    }
}
