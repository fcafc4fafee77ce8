using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>
/// Turns a <see cref="ProgramDraft"/> into its concrete processes: one per <c>numprocs</c>, each
/// with <c>%(program_name)s</c>, <c>%(process_num)d</c>, <c>%(group_name)s</c> and the rest
/// expanded in its name, command, directory, environment, log paths and health checks.
/// </summary>
internal sealed class ProcessExpander(BindingContext context, SupervisorSettings settings, Diagnostics diagnostics)
{
    public EquatableArray<ProcessConfig> Expand(ProgramDraft draft, string groupName)
    {
        var options = draft.Options;
        var section = $"[programs.{draft.Name}]";
        if (options.NumProcs > 1 && draft.ProcessName is { } fixedName && !fixedName.Value.Contains("%(process_num)", StringComparison.Ordinal))
        {
            diagnostics.Error(fixedName.Position, $"{section} has numprocs = {options.NumProcs} but process_name \"{fixedName.Value}\" has no %(process_num): every process would get the same name");
            return new EquatableArray<ProcessConfig>([]);
        }

        var processes = new List<ProcessConfig>();
        for (var i = 0; i < options.NumProcs; i++)
        {
            var process = ExpandOne(draft, groupName, options.NumProcsStart + i, section);
            if (process is not null)
                processes.Add(process);
        }

        return new EquatableArray<ProcessConfig>(processes);
    }

    private ProcessConfig? ExpandOne(ProgramDraft draft, string groupName, int processNum, string section)
    {
        var values = context.BaseExpansions();
        values["program_name"] = draft.Name;
        values["group_name"] = groupName;
        values["process_num"] = processNum;
        values["numprocs"] = draft.Options.NumProcs;

        var defaultName = draft.Options.NumProcs > 1 ? "%(program_name)s_%(process_num)02d" : "%(program_name)s";
        var name = draft.ProcessName is { } written ? Expand(written, values) : Expand(defaultName, draft.Table.Position, values);
        if (name is null)
            return null;
        if (!Names.IsValid(name, out var nameProblem))
        {
            // A name made from an invalid program name: the program name's error says it already.
            if (draft.ProcessName is not null || Names.IsValid(draft.Name, out _))
                diagnostics.Error(draft.ProcessName?.Position ?? draft.Table.Position, $"process name \"{name}\" of {section} {nameProblem}");
            return null;
        }

        values["process_name"] = name;
        string? directory = null;
        if (draft.Directory is { } writtenDirectory && Expand(writtenDirectory, values) is { } expanded)
            directory = context.Resolve(expanded);
        var command = ExpandCommand(draft.Command, values, directory);
        if (command is null)
            return null;

        var environment = settings.Environment.Merge(draft.Environment
            .Select(e => new KeyValuePair<string, string>(e.Key, Expand(e.Value, values) ?? "")));
        return new ProcessConfig
        {
            Name = name,
            GroupName = groupName,
            ProgramName = draft.Name,
            ProcessNum = processNum,
            Command = new EquatableArray<string>(command.Value.Arguments),
            CommandText = command.Value.Text,
            Directory = directory,
            Environment = environment,
            Stdout = ExpandLog(draft.Stdout, values),
            Stderr = draft.Options.RedirectStderr ? new LogTarget(LogTargetKind.None, null, 0, 0) : ExpandLog(draft.Stderr, values),
            HealthChecks = new EquatableArray<HealthCheckConfig>(draft.HealthChecks.Select(h => ExpandHealthCheck(h, name, values, section))),
        };
    }

    private (List<string> Arguments, string Text)? ExpandCommand(TomlValue? written, Dictionary<string, object> values, string? directory)
    {
        List<string> arguments;
        string text;
        switch (written)
        {
            case TomlString line:
                var expanded = Expand(line, values);
                if (expanded is null)
                    return null;
                if (!CommandLine.TrySplit(expanded, out var split, out var splitError))
                {
                    diagnostics.Error(line.Position, $"can't parse command '{expanded}': {splitError}");
                    return null;
                }

                if (split.Count == 0)
                {
                    diagnostics.Error(line.Position, "the command is empty after expansion");
                    return null;
                }

                arguments = [.. split];
                text = expanded;
                break;
            case TomlArray array:
                var parts = array.Cast<TomlString>().Select(s => Expand(s, values)).ToList();
                if (parts.Any(p => p is null))
                    return null;
                arguments = parts!;
                text = CommandLine.Join(arguments);
                break;
            default:
                return null;
        }

        ResolveProgramPath(arguments, directory ?? context.Directory);
        return (arguments, text);
    }

    /// <summary>
    /// A relative path such as ./bin/server means "next to the program's directory, or the config
    /// file", not wherever the engine happened to be started. Shared with the INI reader.
    /// </summary>
    public static void ResolveProgramPath(List<string> arguments, string baseDirectory)
    {
        if (arguments[0].Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(arguments[0]))
            arguments[0] = Path.GetFullPath(arguments[0], baseDirectory);
    }

    private LogTarget ExpandLog(LogDraft draft, Dictionary<string, object> values)
    {
        var path = draft.Path is null ? "AUTO" : Expand(draft.Path, values) ?? "AUTO";
        return path.ToUpperInvariant() switch
        {
            "AUTO" => new LogTarget(LogTargetKind.Auto, null, draft.MaxBytes, draft.Backups),
            "NONE" or "/DEV/NULL" => new LogTarget(LogTargetKind.None, null, draft.MaxBytes, draft.Backups),
            _ => new LogTarget(LogTargetKind.File, context.Resolve(path), draft.MaxBytes, draft.Backups),
        };
    }

    private HealthCheckConfig ExpandHealthCheck(HealthCheckDraft draft, string processName, Dictionary<string, object> values, string section)
    {
        var url = draft.Url is { } u ? Expand(u, values) : null;
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            diagnostics.Error(draft.Url!.Position, $"'url' of the healthcheck in {section} must be an http:// or https:// address, not \"{url}\"");

        var file = draft.File is { } f ? Expand(f, values) : null;
        if (draft.Options.Type == HealthCheckType.Heartbeat)
            file = file is null ? Path.Combine(settings.ChildLogDir, processName + ".heartbeat") : context.Resolve(file);

        return draft.Options with
        {
            Url = url,
            Command = draft.Command is { } c ? Expand(c, values) : null,
            File = file,
        };
    }

    private string? Expand(TomlString text, Dictionary<string, object> values) => Expand(text.Value, text.Position, values);

    private string? Expand(string text, TomlPosition at, Dictionary<string, object> values)
    {
        if (Expansion.TryExpand(text, values, out var expanded, out var error))
            return expanded;
        diagnostics.Error(at, error);
        return null;
    }
}
