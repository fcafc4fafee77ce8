using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Turns a read supervisord config into the same <see cref="SupervisorConfig"/> a TOML config
/// gives, so that everything after reading is shared. Rejects what supervisord 4.2 rejects (in our
/// words, at the file and line); warns about every section and key the engine does not implement.
/// </summary>
internal static class IniBinder
{
    public static ConfigLoadResult Bind(IniDocument document, string file, BindingContext context, IniDiagnostics diagnostics)
    {
        if (document.Find("supervisord") is not { } supervisord)
        {
            if (!diagnostics.HasErrors)
                diagnostics.Error(new IniPlace(file, 0, 0), "there is no [supervisord] section, so supervisord refuses this file as its config: add one (it may be empty), or [include] this file from a main config");
            return new ConfigLoadResult(null, diagnostics.Items);
        }

        var environNames = context.BaseExpansions();
        environNames.Remove("host_node_name");
        var settings = IniSupervisorReader.Read(new IniSectionReader(document, supervisord, diagnostics), context, environNames);
        foreach (var (key, value) in settings.Environment)
            environNames["ENV_" + key] = value;

        WarnAboutOtherSections(document, diagnostics);
        var groups = IniGroupReader.Read(document, environNames, diagnostics);
        var groupOf = groups.SelectMany(g => g.Programs.Select(p => (Program: p, Group: g.Name)))
            .GroupBy(x => x.Program)
            .ToDictionary(x => x.Key, x => x.First().Group, StringComparer.Ordinal);

        var programs = new List<ProgramConfig>();
        foreach (var section in document.Sections.Where(s => s.Name.StartsWith("program:", StringComparison.Ordinal)))
        {
            var name = section.Name["program:".Length..].Trim();
            if (!Names.IsValid(name, out var problem))
            {
                diagnostics.Error(section.Place, $"program name \"{name}\" {problem}");
                continue;
            }

            var reader = new IniSectionReader(document, section, diagnostics);
            if (IniProgramReader.Read(reader, name, groupOf.GetValueOrDefault(name, name), settings, environNames, context) is { } program)
                programs.Add(program);
        }

        foreach (var section in document.Sections.Where(s => s.Name.StartsWith("eventlistener:", StringComparison.Ordinal) || s.Name.StartsWith("fcgi-program:", StringComparison.Ordinal)))
            CheckLikeSupervisord(document, section, settings, environNames, context, diagnostics);

        CheckNames(document, programs, groups, diagnostics);
        if (diagnostics.HasErrors)
            return new ConfigLoadResult(null, diagnostics.Items);
        var config = new SupervisorConfig
        {
            Source = file,
            Supervisor = settings,
            Programs = new EquatableArray<ProgramConfig>(programs),
            Groups = new EquatableArray<GroupConfig>(groups.Where(g => g.Programs.Count > 0)),
        };
        return new ConfigLoadResult(config, diagnostics.Items);
    }

    /// <summary>
    /// Event listeners and FastCGI programs do not run, but supervisord would still refuse the
    /// file over a mistake in them, so their process options are read (and then dropped).
    /// </summary>
    private static void CheckLikeSupervisord(IniDocument document, IniSection section, SupervisorSettings settings, Dictionary<string, object> environNames, BindingContext context, IniDiagnostics diagnostics)
    {
        var name = section.Name[(section.Name.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        var reader = new IniSectionReader(document, section, new IniDiagnostics());
        IniProgramReader.Read(reader, name, name, settings, environNames, context);
        foreach (var error in reader.Diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error))
            diagnostics.Error(new IniPlace(error.File, error.Line, error.Column), error.Message);
        if (section.Name.StartsWith("eventlistener:", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(document.Get(section, "events")?.Value))
            diagnostics.Error(section.Place, $"[{section.Name}] has no 'events': supervisord requires the events an event listener subscribes to");
    }

    private static void WarnAboutOtherSections(IniDocument document, IniDiagnostics diagnostics)
    {
        foreach (var section in document.Sections)
        {
            var kind = section.Name.Split(':', 2)[0];
            var why = kind switch
            {
                "supervisord" or "program" or "group" or "include" => null,
                "eventlistener" => "event listeners are not implemented; it does not run",
                "fcgi-program" => "FastCGI programs are not implemented; it does not run",
                "inet_http_server" => "there is no HTTP server; use 'tuisupervisor ctl' or 'attach', which talk over tuisupervisor's own control socket",
                "unix_http_server" => "tuisupervisor's control socket replaces it ('tuisupervisor ctl', 'attach'); its file, chmod and chown are not used",
                "supervisorctl" => "use 'tuisupervisor ctl' instead of supervisorctl; these settings are not used",
                "rpcinterface" => "there is no XML-RPC interface; plugins are not loaded",
                "ctlplugin" => "supervisorctl plugins are not loaded",
                _ => "supervisord does not know this section either",
            };
            if (why is not null)
                diagnostics.Warning(section.Place, $"[{section.Name}] is ignored: {why}");
            else if (kind is "include")
                WarnAboutUnknownKeys(section, ["files"], diagnostics);
        }
    }

    private static void WarnAboutUnknownKeys(IniSection section, string[] known, IniDiagnostics diagnostics)
    {
        foreach (var entry in section.Entries.Where(e => !known.Contains(e.Key)))
            diagnostics.Warning(entry.Place, $"unknown key '{entry.Key}' in [{section.Name}] is ignored{Suggestions.DidYouMean(entry.Key, known)}");
    }

    /// <summary>The engine knows processes by GROUP:NAME, so each must be unique.</summary>
    private static void CheckNames(IniDocument document, List<ProgramConfig> programs, List<GroupConfig> groups, IniDiagnostics diagnostics)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var program in programs)
        {
            var section = document.Find("program:" + program.Name)!;
            foreach (var process in program.Processes)
            {
                if (owner.TryGetValue(process.FullName, out var first))
                    diagnostics.Error(section.Place, $"process '{process.FullName}' of [program:{program.Name}] is already defined by [program:{first}]: each GROUP:NAME must be unique");
                else
                    owner[process.FullName] = program.Name;
            }
        }

        var programNames = programs.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups.Where(g => programNames.Contains(g.Name) && !g.Programs.Contains(g.Name)))
            diagnostics.Error(document.Find("group:" + group.Name)!.Place, $"[group:{group.Name}] has the name of [program:{group.Name}], which is not in it: rename one of them");
    }
}
