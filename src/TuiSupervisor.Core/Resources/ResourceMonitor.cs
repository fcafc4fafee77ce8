using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Resources;

/// <summary>
/// Samples the CPU and memory of every supervised process group about every two seconds, off
/// the engine's loop: one pass over /proc per sample for all processes together (see
/// <see cref="ProcTable"/>), so the cost grows with the processes on the machine, not with one
/// read per supervised process. The results go to <c>report</c>, which posts them to the loop.
/// It starts idle: the engine turns it on while somebody needs the figures (see <see cref="SetActive"/>).
/// </summary>
internal sealed class ResourceMonitor : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly Func<IReadOnlySet<int>> _leaders;
    private readonly Action<IReadOnlyDictionary<int, ResourceUsage>> _report;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly double _ticksPerSecond;
    private readonly long _pageSize = Environment.SystemPageSize;
    private readonly Lock _sampling = new();
    private readonly Lock _switching = new();
    private bool _active;
    private Dictionary<int, (long Ticks, long Timestamp)> _previous = [];

    /// <param name="leaders">The pids of the running supervised processes (thread-safe: read from the published snapshot).</param>
    /// <param name="report">Receives each sample, keyed by leader pid.</param>
    public ResourceMonitor(Func<IReadOnlySet<int>> leaders, Action<IReadOnlyDictionary<int, ResourceUsage>> report, TimeProvider time)
    {
        _leaders = leaders;
        _report = report;
        _time = time;
        var ticks = Interop.sysconf(Interop._SC_CLK_TCK);
        _ticksPerSecond = ticks > 0 ? ticks : 100;
        _timer = time.CreateTimer(_ => SampleNow(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts sampling (the first sample at once, for memory; CPU needs a second one) or stops it.</summary>
    public void SetActive(bool active)
    {
        lock (_switching)
        {
            if (active == _active)
                return;
            _active = active;
            _timer.Change(active ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, active ? Interval : Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Takes one sample and reports it; a sample still running makes this one a no-op.</summary>
    public void SampleNow()
    {
        if (!_sampling.TryEnter())
            return;
        try
        {
            var leaders = _leaders();
            var totals = ProcTable.Sample(leaders);
            var now = _time.GetUtcNow();
            var timestamp = _time.GetTimestamp();
            var usage = new Dictionary<int, ResourceUsage>(totals.Count);
            var next = new Dictionary<int, (long, long)>(totals.Count);
            foreach (var (leader, group) in totals)
            {
                double? cpu = null;
                if (_previous.TryGetValue(leader, out var before))
                {
                    var seconds = _time.GetElapsedTime(before.Timestamp, timestamp).TotalSeconds;
                    if (seconds > 0)
                        cpu = Math.Max(0, group.Ticks - before.Ticks) / _ticksPerSecond / seconds * 100;
                }

                usage[leader] = new ResourceUsage(cpu, group.RssPages * _pageSize, group.Members, now);
                next[leader] = (group.Ticks, timestamp);
            }

            _previous = next;
            _report(usage);
        }
        finally
        {
            _sampling.Exit();
        }
    }
}
