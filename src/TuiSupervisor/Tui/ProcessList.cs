using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Tui;

/// <summary>
/// Turns a snapshot's processes into the table's rows: groups of several processes under a
/// header row (folded or not), the rest as rows of their own, filtered and sorted as asked.
/// </summary>
internal static class ProcessList
{
    public static IReadOnlyList<ProcessRow> Rows(IReadOnlyList<ProcessSnapshot> processes, ProcessListOptions options, DateTimeOffset now)
    {
        var matching = processes.Where(p => Matches(p, options.Filter)).ToList();
        var comparer = new ProcessOrder(options.Sort, options.Descending, now);
        var entries = new List<(IReadOnlyList<ProcessSnapshot> Members, string? Group)>();
        foreach (var group in matching.GroupBy(p => p.Group, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members is [var single] && single.Name == single.Group)
                entries.Add(([single], null));
            else
                entries.Add((members.Order(comparer).ToList(), group.Key));
        }

        var rows = new List<ProcessRow>(matching.Count + entries.Count);
        foreach (var (members, group) in entries.Order(Comparer<(IReadOnlyList<ProcessSnapshot> Members, string? Group)>.Create((a, b) => comparer.CompareSets(a.Members, a.Group, b.Members, b.Group))))
        {
            if (group is null)
            {
                rows.Add(ProcessRow.ForProcess(members[0], indented: false));
                continue;
            }

            // A filter opens the groups it matches in, or the operator would see nothing.
            var folded = options.FoldedGroups.Contains(group) && options.Filter.Length == 0;
            rows.Add(ProcessRow.ForGroup(group, members, folded));
            if (!folded)
                rows.AddRange(members.Select(m => ProcessRow.ForProcess(m, indented: true)));
        }

        return rows;
    }

    /// <summary>A filter matches a name or a state, case-insensitively: <c>web</c>, <c>fatal</c>.</summary>
    private static bool Matches(ProcessSnapshot process, string filter) =>
        filter.Length == 0
        || process.FullName.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || process.State.Text().Contains(filter, StringComparison.OrdinalIgnoreCase);
}
