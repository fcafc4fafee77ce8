using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Reads the <c>[group:x]</c> sections: <c>programs</c> (comma-separated) and <c>priority</c>.
/// A member must be a <c>[program:…]</c> or <c>[fcgi-program:…]</c> section (supervisord's rule);
/// FastCGI members are dropped with a warning, since they do not run.
/// </summary>
internal static class IniGroupReader
{
    public static List<GroupConfig> Read(IniDocument document, Dictionary<string, object> names, IniDiagnostics diagnostics)
    {
        var groups = new List<GroupConfig>();
        var grouped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in document.Sections.Where(s => s.Name.StartsWith("group:", StringComparison.Ordinal)))
        {
            var name = section.Name["group:".Length..].Trim();
            if (!Names.IsValid(name, out var problem))
            {
                diagnostics.Error(section.Place, $"group name \"{name}\" {problem}");
                continue;
            }

            var reader = new IniSectionReader(document, section, diagnostics);
            var members = IniValues.Strings(reader.Text("programs", names) ?? "");
            var priority = (int)reader.Integer("priority", names, 999, int.MinValue, int.MaxValue);
            reader.ReportUnknownKeys();
            var programs = new List<string>();
            foreach (var member in members)
            {
                var at = reader.Entry("programs")!.ValuePlace;
                if (document.Find("program:" + member) is not null)
                {
                    if (grouped.TryGetValue(member, out var other))
                    {
                        diagnostics.Warning(at, $"[program:{member}] is already in [group:{other}]; tuisupervisor runs a program once, so it stays there (supervisord would run it twice)");
                        continue;
                    }

                    grouped[member] = name;
                    programs.Add(member);
                }
                else if (document.Find("fcgi-program:" + member) is not null)
                {
                    diagnostics.Warning(at, $"[fcgi-program:{member}] in [group:{name}] does not run: FastCGI programs are not implemented");
                }
                else
                {
                    var known = document.Sections.Where(s => s.Name.StartsWith("program:", StringComparison.Ordinal)).Select(s => s.Name["program:".Length..]);
                    diagnostics.Error(at, $"[group:{name}] names '{member}', but there is no [program:{member}] or [fcgi-program:{member}]{Suggestions.DidYouMean(member, known)}");
                }
            }

            groups.Add(new GroupConfig(name, new EquatableArray<string>(programs), priority));
        }

        return groups;
    }
}
