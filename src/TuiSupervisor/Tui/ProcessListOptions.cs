namespace TuiSupervisor.Tui;

/// <summary>How the operator asked to see the process list: order, filter and folded groups.</summary>
internal sealed record ProcessListOptions(SortKey Sort, bool Descending, string Filter, IReadOnlySet<string> FoldedGroups)
{
    public static ProcessListOptions Default { get; } = new(SortKey.Name, false, "", new HashSet<string>(StringComparer.Ordinal));

    public ProcessListOptions WithFolded(string group, bool folded)
    {
        var groups = new HashSet<string>(FoldedGroups, StringComparer.Ordinal);
        if (folded)
            groups.Add(group);
        else
            groups.Remove(group);
        return this with { FoldedGroups = groups };
    }

    /// <summary>The next sort key; the order starts ascending for names and descending for figures, where the big ones matter.</summary>
    public ProcessListOptions NextSort()
    {
        var next = (SortKey)(((int)Sort + 1) % Enum.GetValues<SortKey>().Length);
        return this with { Sort = next, Descending = next is SortKey.Cpu or SortKey.Memory or SortKey.Restarts or SortKey.Uptime };
    }
}
