using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Health;

/// <summary>
/// Runs the health checks of one running instance, each in its own loop off the engine's loop,
/// and hands every result to <c>report</c> (which posts it to the loop). A check has at most one
/// probe in flight and every probe ends by its timeout; <paramref name="gate"/> bounds how many
/// probes the whole engine runs at once. Disposing stops the loops (the instance is gone).
/// </summary>
/// <remarks>
/// Schedule, after Docker's: the first probe runs right after the spawn (a heartbeat's after
/// <c>start_period</c>, as the spec asks). Until a check has passed once and while the start
/// period lasts, it is repeated every second at most (a dependent waiting for <c>healthy</c>
/// need not wait a whole interval) and its failures do not count. A heartbeat is looked at every
/// second at most (a quarter of its timeout when that is shorter), whatever the interval, so a
/// stale file is noticed soon after its timeout: looking is one stat. No check runs more often
/// than every 50 ms, whatever the config says (an interval of 0 would otherwise spin).
/// </remarks>
internal sealed class HealthMonitor : IDisposable
{
    private static readonly TimeSpan StartupPace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FastestPace = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _stop = new();

    private HealthMonitor(IReadOnlyList<HealthCheckConfig> checks, ProbeContext context, SemaphoreSlim gate, Action<int, ProbeResult, bool> report)
    {
        for (var i = 0; i < checks.Count; i++)
        {
            var index = i;
            _ = Task.Run(() => RunCheckAsync(checks[index], index, context, gate, report, _stop.Token));
        }
    }

    /// <param name="report">Called with the check's index, its result, and whether the start period still lasts.</param>
    public static HealthMonitor Start(IReadOnlyList<HealthCheckConfig> checks, ProbeContext context, SemaphoreSlim gate, Action<int, ProbeResult, bool> report) =>
        new(checks, context, gate, report);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static async Task RunCheckAsync(HealthCheckConfig check, int index, ProbeContext context, SemaphoreSlim gate, Action<int, ProbeResult, bool> report, CancellationToken stopping)
    {
        var time = context.Time;
        var heartbeat = check.Type == HealthCheckType.Heartbeat;
        var passed = false;
        try
        {
            if (heartbeat)
                await Task.Delay(check.StartPeriod, time, stopping).ConfigureAwait(false);
            while (!stopping.IsCancellationRequested)
            {
                ProbeResult result;
                await gate.WaitAsync(stopping).ConfigureAwait(false);
                try
                {
                    result = await HealthProbe.RunAsync(check, context, stopping).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }

                var inStartPeriod = time.GetUtcNow() - context.SpawnedAt < check.StartPeriod;
                passed |= result.Passed;
                report(index, result, inStartPeriod);
                var pace = heartbeat ? Min(check.Interval, Min(StartupPace, check.Timeout / 4))
                    : !passed && inStartPeriod ? Min(check.Interval, StartupPace)
                    : check.Interval;
                await Task.Delay(pace > FastestPace ? pace : FastestPace, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The instance is gone: its checks end with it.
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the cancellation and a wait: the same.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
