using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>Reads <c>[groups.NAME]</c> tables, keeping where each member was named for later checks.</summary>
internal static class GroupReader
{
    public static List<(GroupConfig Group, List<TomlString> Members, TomlPosition At)> Read(TomlTable groups, Diagnostics diagnostics)
    {
        var result = new List<(GroupConfig, List<TomlString>, TomlPosition)>();
        foreach (var entry in groups)
        {
            var section = $"[groups.{entry.Key}]";
            if (!Names.IsValid(entry.Key, out var problem))
                diagnostics.Error(entry.KeyPosition, $"group name \"{entry.Key}\" {problem}");
            if (entry.Value is not TomlTable table)
            {
                diagnostics.Error(entry.Value.Position, $"{section} must be a table, not {SectionReader.Describe(entry.Value)}");
                continue;
            }

            var reader = new SectionReader(table, section, diagnostics);
            var members = reader.StringList("programs");
            var priority = reader.Int("priority", int.MinValue, int.MaxValue) ?? 999;
            reader.ReportUnknownKeys();
            if (members is null || members.Count == 0)
            {
                if (!table.ContainsKey("programs"))
                    diagnostics.Error(table.Position, $"{section} has no 'programs': list the programs of the group, e.g. programs = [\"web\", \"worker\"]");
                continue;
            }

            var group = new GroupConfig(entry.Key, new EquatableArray<string>(members.Select(m => m.Value)), priority);
            result.Add((group, members, table.Position));
        }

        return result;
    }
}
