using System.Globalization;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Resources;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// Resource usage (on the loop): each sample lands on the processes it belongs to, and a
/// process over its <c>limits</c> is announced once per breach (and restarted when
/// <c>on_limit = "restart"</c>); falling back under the limits ends the breach.
/// </summary>
public sealed partial class Supervisor
{
    private int _usageWatchers;

    public IDisposable WatchUsage()
    {
        Interlocked.Increment(ref _usageWatchers);
        UpdateSampling();
        return new UsageWatch(this);
    }

    public async Task RefreshUsageAsync()
    {
        if (Volatile.Read(ref _usageWatchers) > 0 || _config.Programs.Any(p => p.Limits is not null))
            return;

        // Off the loop (a pass over /proc); the sample is posted to the loop, and the snapshot
        // taken after it (posted later, so applied later) carries it.
        await Task.Run(_resources.SampleNow).ConfigureAwait(false);
        await SnapshotAsync().ConfigureAwait(false);
    }

    /// <summary>Samples while somebody watches, or while a program has limits to enforce.</summary>
    private void UpdateSampling() =>
        _resources.SetActive(Volatile.Read(ref _usageWatchers) > 0 || _config.Programs.Any(p => p.Limits is not null));

    /// <summary>The pids to sample, from the published snapshot (the sampler runs off the loop).</summary>
    private HashSet<int> RunningPids() =>
        [.. Current.Processes.Where(p => p.State.IsRunningLike() && p.Pid is not null).Select(p => p.Pid!.Value)];

    private void OnUsage(IReadOnlyDictionary<int, ResourceUsage> usage)
    {
        foreach (var slot in _slots)
        {
            if (slot.Runtime.Pid is not { } pid || !usage.TryGetValue(pid, out var sample))
                continue;
            slot.Usage = sample;
            _dirty = true;
            CheckLimits(slot, sample);
        }
    }

    private void CheckLimits(ProcessSlot slot, ResourceUsage usage)
    {
        if (slot.Program.Limits is not { } limits || !slot.Runtime.State.IsUp())
            return;
        var breach = Breach(limits, usage);
        if (breach is null)
        {
            if (slot.OverLimit)
                Emit(slot.FullName, EventLevel.Info, $"limit: {slot.FullName} is back under its limits", EventKind.Limit);
            slot.OverLimit = false;
            return;
        }

        if (slot.OverLimit)
            return;
        slot.OverLimit = true;
        Emit(slot.FullName, EventLevel.Warn, $"limit: {slot.FullName} {breach}", EventKind.Limit);
        if (limits.OnLimit == LimitAction.Restart)
            Apply(slot, new ProcessInput.Restart($"over its limit: {breach}"));
    }

    private static string? Breach(ResourceLimits limits, ResourceUsage usage)
    {
        if (limits.MaxMemoryBytes is { } maxMemory && usage.RssBytes > maxMemory)
            return $"uses {Megabytes(usage.RssBytes)} of memory, over max_memory {Megabytes(maxMemory)}";
        if (limits.MaxCpuPercent is { } maxCpu && usage.CpuPercent > maxCpu)
            return string.Create(CultureInfo.InvariantCulture, $"uses {usage.CpuPercent:0.#}% CPU, over max_cpu_percent {maxCpu:0.#}%");
        return null;
    }

    private sealed class UsageWatch(Supervisor owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            Interlocked.Decrement(ref owner._usageWatchers);
            owner.UpdateSampling();
        }
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");
}
