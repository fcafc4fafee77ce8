using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Commands;

public class StatusTextHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Unhealthy_fits_the_ten_wide_state_column_and_says_what_fails()
    {
        var unhealthy = new ProcessSnapshot
        {
            Name = "web", Group = "web", Program = "web", State = ProcessState.Unhealthy, Pid = 4242,
            StartedAt = Now.AddSeconds(-65), UnhealthyReason = "HTTP 503, expected 200",
        };
        var running = unhealthy with { Name = "api", Group = "api", Program = "api", State = ProcessState.Running, UnhealthyReason = null };
        var lines = StatusText.Lines([unhealthy, running], Now, TimeZoneInfo.Utc).ToList();
        Assert.Equal(
            [
                "web                              UNHEALTHY pid 4242, uptime 0:01:05, failing: HTTP 503, expected 200",
                "api                              RUNNING   pid 4242, uptime 0:01:05",
            ],
            lines);
        Assert.False(ProcessState.Unhealthy.IsDown());
        Assert.True(ProcessState.Unhealthy.IsRunningLike());
    }
}
