using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>
/// Turns a parsed TOML document into a <see cref="SupervisorConfig"/>, or into the full list of
/// problems when there is any error: every section is read even after a mistake, so that one run
/// of <c>check</c> shows everything to fix.
/// </summary>
internal static class ConfigBinder
{
    public static ConfigLoadResult Bind(TomlTable root, string file, BindingContext context)
    {
        var diagnostics = new Diagnostics(file);
        var reader = new SectionReader(root, "the top level", diagnostics);
        var supervisorTable = TableOrNull(reader, "supervisor");
        var programsTable = TableOrNull(reader, "programs");
        var groupsTable = TableOrNull(reader, "groups");
        reader.ReportUnknownKeys();

        var settings = SupervisorReader.Read(supervisorTable, context, diagnostics);
        var drafts = ReadPrograms(programsTable, diagnostics);
        var groups = groupsTable is null ? [] : GroupReader.Read(groupsTable, diagnostics);
        var groupOf = AssignGroups(groups, drafts, diagnostics);
        DependencyChecker.Check(drafts, diagnostics);

        var expander = new ProcessExpander(context, settings, diagnostics);
        var programs = drafts
            .Select(d => d.Options with { Processes = expander.Expand(d, groupOf.GetValueOrDefault(d.Name, d.Name)) })
            .ToList();
        CheckUniqueProcessNames(drafts, programs, diagnostics);

        if (diagnostics.HasErrors)
            return new ConfigLoadResult(null, diagnostics.Items);
        var config = new SupervisorConfig
        {
            Source = file,
            Supervisor = settings,
            Programs = new EquatableArray<ProgramConfig>(programs.Select((p, i) => p with { DependsOn = new(drafts[i].DependsOn.Select(d => d.Dependency)) })),
            Groups = new EquatableArray<GroupConfig>(groups.Select(g => g.Group)),
        };
        return new ConfigLoadResult(config, diagnostics.Items);
    }

    private static TomlTable? TableOrNull(SectionReader reader, string key)
    {
        var entry = reader.Take(key);
        if (entry is null)
            return null;
        if (entry.Value is TomlTable table)
            return table;
        reader.WrongType(entry, $"a table ([{key}] or [{key}.NAME])");
        return null;
    }

    private static List<ProgramDraft> ReadPrograms(TomlTable? programs, Diagnostics diagnostics)
    {
        var drafts = new List<ProgramDraft>();
        foreach (var entry in (IEnumerable<TomlEntry>?)programs ?? [])
        {
            if (!Names.IsValid(entry.Key, out var problem))
                diagnostics.Error(entry.KeyPosition, $"program name \"{entry.Key}\" {problem}");
            if (entry.Value is TomlTable table)
                drafts.Add(ProgramReader.Read(entry.Key, table, diagnostics));
            else
                diagnostics.Error(entry.Value.Position, $"[programs.{entry.Key}] must be a table, not {SectionReader.Describe(entry.Value)}");
        }

        return drafts;
    }

    /// <summary>Maps each grouped program to its group; a program in two groups, or a missing one, is an error.</summary>
    private static Dictionary<string, string> AssignGroups(
        List<(GroupConfig Group, List<TomlString> Members, TomlPosition At)> groups,
        List<ProgramDraft> drafts,
        Diagnostics diagnostics)
    {
        var programNames = drafts.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, members, at) in groups)
        {
            foreach (var member in members)
            {
                if (!programNames.Contains(member.Value))
                    diagnostics.Error(member.Position, $"[groups.{group.Name}] lists unknown program '{member.Value}'{Suggestions.DidYouMean(member.Value, programNames)}");
                else if (groupOf.TryGetValue(member.Value, out var other))
                    diagnostics.Error(member.Position, $"program '{member.Value}' is in two groups: '{other}' and '{group.Name}'");
                else
                    groupOf[member.Value] = group.Name;
            }

            if (programNames.Contains(group.Name) && !group.Programs.Contains(group.Name))
                diagnostics.Error(at, $"group '{group.Name}' has the name of program '{group.Name}', which is not in it: rename one of them");
        }

        return groupOf;
    }

    /// <summary>
    /// The engine knows a process by GROUP:NAME, so that must be unique; the same process name in
    /// two groups is fine, as in supervisord (where group and name are separate too).
    /// </summary>
    private static void CheckUniqueProcessNames(List<ProgramDraft> drafts, List<ProgramConfig> programs, Diagnostics diagnostics)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < programs.Count; i++)
        {
            foreach (var process in programs[i].Processes)
            {
                if (owner.TryGetValue(process.FullName, out var first))
                {
                    var at = drafts[i].ProcessName?.Position ?? drafts[i].Table.Position;
                    var whose = first == programs[i].Name ? $"another process of [programs.{first}]" : $"a process of [programs.{first}]";
                    diagnostics.Error(at, $"process name '{process.Name}' of [programs.{programs[i].Name}] is already used in group '{process.GroupName}' by {whose}");
                }
                else
                {
                    owner[process.FullName] = programs[i].Name;
                }
            }
        }
    }
}
