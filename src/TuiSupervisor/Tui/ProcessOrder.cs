using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Tui;

/// <summary>
/// The table's order. Ties fall back to the name, so rows never swap places between frames; a
/// group sorts by its members' sum (CPU, memory, restarts), longest uptime or most urgent state.
/// </summary>
internal sealed class ProcessOrder(SortKey key, bool descending, DateTimeOffset now) : IComparer<ProcessSnapshot>
{
    public int Compare(ProcessSnapshot? x, ProcessSnapshot? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var order = key == SortKey.Name ? 0 : Directed(Figure([x]).CompareTo(Figure([y])));
        return order != 0 ? order : Directed(string.CompareOrdinal(x.FullName, y.FullName), byName: true);
    }

    public int CompareSets(IReadOnlyList<ProcessSnapshot> x, string? xGroup, IReadOnlyList<ProcessSnapshot> y, string? yGroup)
    {
        var order = key == SortKey.Name ? 0 : Directed(Figure(x).CompareTo(Figure(y)));
        return order != 0 ? order : Directed(string.CompareOrdinal(xGroup ?? x[0].FullName, yGroup ?? y[0].FullName), byName: true);
    }

    /// <summary>The name breaks ties in ascending order whatever the direction, except when sorting by name.</summary>
    private int Directed(int comparison, bool byName = false) => descending && (!byName || key == SortKey.Name) ? -comparison : comparison;

    private double Figure(IReadOnlyList<ProcessSnapshot> processes) => key switch
    {
        SortKey.State => processes.Min(p => StateUrgency.Of(p.State)),
        SortKey.Cpu => processes.Sum(p => p.Usage?.CpuPercent ?? 0),
        SortKey.Memory => processes.Sum(p => p.Usage?.RssBytes ?? 0),
        SortKey.Restarts => processes.Sum(p => p.Restarts),
        SortKey.Uptime => processes.Max(p => p.State.IsRunningLike() && p.StartedAt is { } started ? (now - started).TotalSeconds : -1),
        _ => 0,
    };
}
