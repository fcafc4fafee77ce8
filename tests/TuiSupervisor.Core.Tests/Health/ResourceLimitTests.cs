using TuiSupervisor.Core.Resources;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;
using TuiSupervisor.Core.Tests.Posix;

namespace TuiSupervisor.Core.Tests.Health;

/// <summary>CPU and memory sampled from /proc for whole process groups, and what a breached limit does.</summary>
public class ResourceLimitTests
{
    /// <summary>TestChild holding 120 MB of written pages: well over a 100 MB limit, whatever the runtime itself takes.</summary>
    private static string Hog(string onLimit) => $"""
        [programs.hog]
        command = ["{ChildHarness.DotnetHost}", "{ChildHarness.TestChildDll}", "allocate", "120", "sleep", "1000"]
        startsecs = 0

        [programs.hog.limits]
        max_memory = "100MB"
        on_limit = "{onLimit}"
        """;

    [Fact]
    public async Task Usage_covers_the_whole_group()
    {
        await using var engine = new RealEngine("""
            [programs.pair]
            command = "/bin/sh -c 'sleep 1000 & exec sleep 1000'"
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        using var watch = engine.Supervisor.WatchUsage();
        Poll.Until(() => engine.Process("pair").Usage is { CpuPercent: not null, Processes: 2 }, "two samples of both processes", 15_000);
        var usage = engine.Process("pair").Usage!;
        Assert.True(usage.RssBytes > 0);
        Assert.InRange(usage.CpuPercent!.Value, 0, 50);

        await engine.Supervisor.StopAsync(["pair"]);
        Assert.Null(engine.Process("pair").Usage);
    }

    [Fact]
    public async Task Nothing_is_sampled_while_nobody_watches_and_no_program_has_limits()
    {
        await using var engine = new RealEngine("""
            [programs.quiet]
            command = "/bin/sleep 1000"
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        using (engine.Supervisor.WatchUsage())
            Poll.Until(() => engine.Process("quiet").Usage is not null, "a sample while watched", 15_000);
        // A sample taken as the watch ended may still land: look once the interval has passed.
        await Task.Delay(ResourceMonitor.Interval + TimeSpan.FromSeconds(0.5));
        var last = engine.Process("quiet").Usage!.At;

        // Three sampling intervals: a sample would have landed by then if the monitor still ran.
        await Task.Delay(3 * ResourceMonitor.Interval);

        Assert.Equal(last, engine.Process("quiet").Usage!.At);
    }

    [Fact]
    public async Task A_memory_breach_with_warn_is_announced_once_and_the_process_keeps_running()
    {
        await using var engine = new RealEngine(Hog("warn"));
        await engine.Supervisor.StartAutostartProgramsAsync();
        Poll.Until(() => engine.Events.Any(e => e.Kind == EventKind.Limit), "the breach to be announced", 20_000);
        var breach = engine.Events.First(e => e.Kind == EventKind.Limit);
        Assert.Equal(EventLevel.Warn, breach.Level);
        Assert.Matches(@"^limit: hog uses \d+(\.\d)? MB of memory, over max_memory 100 MB$", breach.Message);

        // Two more samples over the limit announce nothing new.
        Poll.Until(() => engine.Process("hog").Usage!.At > breach.Time.AddSeconds(3), "two more samples", 20_000);
        Assert.Single(engine.Events, e => e.Kind == EventKind.Limit);
        Assert.Equal(ProcessState.Running, engine.Process("hog").State);
        Assert.Equal(0, engine.Process("hog").Restarts);
    }

    [Fact]
    public async Task A_cpu_breach_is_announced_with_the_measured_percentage()
    {
        await using var engine = new RealEngine("""
            [programs.spinner]
            command = "/bin/sh -c 'while :; do :; done'"
            startsecs = 0

            [programs.spinner.limits]
            max_cpu_percent = 10
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        Poll.Until(() => engine.Events.Any(e => e.Kind == EventKind.Limit), "the CPU breach to be announced", 20_000);
        Assert.Matches(@"^limit: spinner uses \d+(\.\d)?% CPU, over max_cpu_percent 10%$", engine.Events.First(e => e.Kind == EventKind.Limit).Message);
        Assert.True(engine.Process("spinner").Usage!.CpuPercent > 10);
    }

    [Fact]
    public async Task A_memory_breach_with_restart_restarts_the_process()
    {
        await using var engine = new RealEngine(Hog("restart"));
        await engine.Supervisor.StartAutostartProgramsAsync();
        var first = engine.WaitForState("hog", ProcessState.Running).Pid;
        Poll.Until(() => engine.Process("hog").Restarts >= 1, "the restart", 20_000);
        Assert.Contains(engine.Events, e => e.Kind == EventKind.Limit && e.Message.StartsWith("restarting hog: over its limit: uses", StringComparison.Ordinal));
        Assert.False(RealEngine.IsAlive(first!.Value));
    }
}
