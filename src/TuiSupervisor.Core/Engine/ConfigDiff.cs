using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// What a reload changes, per process group as supervisord decides it: a group is changed when
/// any option of any of its programs differs (a new <c>startsecs</c> alone restarts it), and
/// untouched otherwise, so its processes keep their PIDs.
/// </summary>
public sealed record ConfigDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    /// <param name="running">Each running group's definition (<see cref="Definitions"/> of the config it was built from).</param>
    public static ConfigDiff Between(IReadOnlyDictionary<string, List<object>> running, SupervisorConfig next)
    {
        var before = running;
        var after = Definitions(next);
        return new ConfigDiff(
            [.. after.Keys.Where(g => !before.ContainsKey(g)).Order(StringComparer.Ordinal)],
            [.. after.Keys.Where(g => before.TryGetValue(g, out var old) && !old.SequenceEqual(after[g])).Order(StringComparer.Ordinal)],
            [.. before.Keys.Where(g => !after.ContainsKey(g)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The part of the difference in <paramref name="groups"/> (supervisorctl's <c>update NAME…</c>).</summary>
    public ConfigDiff Only(IReadOnlyCollection<string> groups) =>
        new([.. Added.Where(groups.Contains)], [.. Changed.Where(groups.Contains)], [.. Removed.Where(groups.Contains)]);

    /// <summary>supervisorctl's <c>reread</c> lines.</summary>
    public IEnumerable<string> RereadLines() => IsEmpty
        ? ["No config updates to processes"]
        : Changed.Select(g => $"{g}: changed")
            .Concat(Removed.Select(g => $"{g}: disappeared"))
            .Concat(Added.Select(g => $"{g}: available"))
            .Order(StringComparer.Ordinal);

    /// <summary>Each group's programs (enabled ones, with everything that defines them), keyed by group name.</summary>
    public static Dictionary<string, List<object>> Definitions(SupervisorConfig config)
    {
        var groups = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        foreach (var program in config.Programs.Where(p => p.Enabled))
        {
            var group = program.Processes.Count > 0 ? program.Processes[0].GroupName : program.Name;
            if (!groups.TryGetValue(group, out var members))
                groups[group] = members = [];
            members.Add(program);
        }

        foreach (var group in config.Groups)
        {
            if (groups.TryGetValue(group.Name, out var members))
                members.Add(group);
        }

        // Settings every process inherits are part of each program's definition too.
        foreach (var members in groups.Values)
            members.Add((config.Supervisor.Environment, config.Supervisor.Umask, config.Supervisor.ChildLogDir));
        return groups;
    }
}
