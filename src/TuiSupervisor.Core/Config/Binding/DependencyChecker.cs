namespace TuiSupervisor.Core.Config.Binding;

/// <summary>
/// Checks <c>depends_on</c> across programs: every name exists, a <c>healthy</c> dependency has a
/// health check to pass, and there is no cycle (each cycle reported once, by its members in order).
/// </summary>
internal static class DependencyChecker
{
    public static void Check(IReadOnlyList<ProgramDraft> drafts, Diagnostics diagnostics)
    {
        var byName = drafts.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            foreach (var (dependency, at) in draft.DependsOn)
            {
                if (dependency.Program == draft.Name)
                    diagnostics.Error(at, $"[programs.{draft.Name}] depends on itself");
                else if (!byName.TryGetValue(dependency.Program, out var target))
                    diagnostics.Error(at, $"[programs.{draft.Name}] depends on unknown program '{dependency.Program}'{Suggestions.DidYouMean(dependency.Program, byName.Keys)}");
                else if (dependency.Condition == DependencyCondition.Healthy && target.HealthChecks.Count == 0)
                    diagnostics.Error(at, $"[programs.{draft.Name}] waits for '{dependency.Program}' to be healthy, but '{dependency.Program}' has no healthcheck");
            }
        }

        ReportCycles(drafts, byName, diagnostics);
    }

    private static void ReportCycles(IReadOnlyList<ProgramDraft> drafts, Dictionary<string, ProgramDraft> byName, Diagnostics diagnostics)
    {
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var onPath = new HashSet<string>(StringComparer.Ordinal);

        void Visit(ProgramDraft draft)
        {
            path.Add(draft.Name);
            onPath.Add(draft.Name);
            foreach (var (dependency, at) in draft.DependsOn)
            {
                if (dependency.Program == draft.Name || !byName.TryGetValue(dependency.Program, out var next))
                    continue;
                if (onPath.Contains(next.Name))
                {
                    var cycle = path.Skip(path.IndexOf(next.Name)).Append(next.Name);
                    diagnostics.Error(at, $"dependency cycle: {string.Join(" -> ", cycle)}");
                }
                else if (!finished.Contains(next.Name))
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            onPath.Remove(draft.Name);
            finished.Add(draft.Name);
        }

        foreach (var draft in drafts)
        {
            if (!finished.Contains(draft.Name))
                Visit(draft);
        }
    }
}
