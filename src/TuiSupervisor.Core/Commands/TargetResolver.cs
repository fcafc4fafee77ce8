using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Commands;

/// <summary>A command target that matched no process, with supervisorctl's error text.</summary>
public sealed record TargetError(string Target, string Message)
{
    public override string ToString() => $"{Target}: ERROR ({Message})";
}

/// <summary>
/// Resolves command targets as supervisorctl does (supervisord-semantics.md section 4): <c>all</c>,
/// <c>GROUP:*</c>, <c>GROUP:NAME</c>, and a bare <c>NAME</c> meaning <c>NAME:NAME</c>. As a
/// superset (spec section 2), a bare program or group name also means all of its processes, so
/// <c>stop worker</c> works for a numprocs program where supervisorctl says "no such process".
/// </summary>
public static class TargetResolver
{
    /// <summary>
    /// What each target names, in the targets' order: its processes (none already named by an
    /// earlier target) or its error. Which processes were named one by one (<c>NAME</c>,
    /// <c>GROUP:NAME</c>) rather than by a wildcard (<c>all</c>, <c>GROUP:*</c>, a group's name)
    /// is kept too: supervisorctl applies an operation only to the wildcard's processes it fits
    /// (<c>start all</c> skips what runs, silently) but answers for every process named one by one.
    /// </summary>
    public static TargetResolution Resolve(IEnumerable<string> targets, IReadOnlyList<ProcessSnapshot> all)
    {
        var found = new HashSet<ProcessSnapshot>();
        var matches = new List<TargetMatch>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var matched = Match(target, all, out var error);
            if (matched.Count == 1 && (target == matched[0].FullName || target == $"{matched[0].Group}:{matched[0].Name}"))
                named.Add(matched[0].FullName);
            matches.Add(new TargetMatch(target, [.. matched.Where(found.Add)], error));
        }

        return new TargetResolution(matches, named);
    }

    private static List<ProcessSnapshot> Match(string target, IReadOnlyList<ProcessSnapshot> all, out TargetError? error)
    {
        error = null;
        if (target == "all")
            return [.. all];

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var group = target[..colon];
            var name = target[(colon + 1)..];
            var inGroup = all.Where(p => p.Group == group).ToList();
            if (inGroup.Count == 0)
            {
                error = new TargetError(name == "*" ? group : target, name == "*" ? "no such group" : "no such process");
                return [];
            }

            var matched = name == "*" ? inGroup : inGroup.Where(p => p.Name == name).ToList();
            if (matched.Count == 0)
                error = new TargetError(target, "no such process");
            return matched;
        }

        var exact = all.Where(p => p.Group == target && p.Name == target).ToList();
        if (exact.Count > 0)
            return exact;
        var byGroupOrProgram = all.Where(p => p.Group == target || p.Program == target).ToList();
        if (byGroupOrProgram.Count > 0)
            return byGroupOrProgram;
        error = new TargetError(target, "no such process");
        return [];
    }
}
