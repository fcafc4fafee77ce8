using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Reads one <c>[program:x]</c> section into a <see cref="ProgramConfig"/> with its processes,
/// in supervisord's order and with its names: the options shared by all processes see
/// <c>here</c>, <c>program_name</c>, <c>group_name</c>, <c>host_node_name</c> and <c>ENV_*</c>; the
/// per-process ones (<c>environment</c>, <c>process_name</c>, <c>directory</c>, log files,
/// <c>command</c>) also <c>process_num</c> and <c>numprocs</c>, and after <c>environment</c> its own
/// variables as <c>ENV_*</c>. Log file names are expanded twice, as supervisord does.
/// </summary>
internal static class IniProgramReader
{
    public static ProgramConfig? Read(
        IniSectionReader reader,
        string programName,
        string groupName,
        SupervisorSettings settings,
        IReadOnlyDictionary<string, object> environNames,
        BindingContext context)
    {
        var names = new Dictionary<string, object>(environNames)
        {
            ["program_name"] = programName,
            ["group_name"] = groupName,
            ["host_node_name"] = context.HostName,
        };
        var options = ReadShared(reader, programName, names, out var rawProcessName, out var rawEnvironment);
        ReadUnimplemented(reader, names);
        if (options is null)
            return null;

        var processes = new List<ProcessConfig>();
        for (var processNum = options.NumProcsStart; processNum < options.NumProcsStart + options.NumProcs; processNum++)
        {
            var process = ReadProcess(reader, options, new Dictionary<string, object>(names) { ["process_num"] = processNum, ["numprocs"] = options.NumProcs }, rawProcessName, rawEnvironment, settings, context);
            if (process is not null)
                processes.Add(process with { GroupName = groupName, ProgramName = programName, ProcessNum = processNum });
        }

        reader.ReportUnknownKeys();
        return options with { Processes = new EquatableArray<ProcessConfig>(processes) };
    }

    private static ProgramConfig? ReadShared(IniSectionReader reader, string programName, Dictionary<string, object> names, out string rawProcessName, out string rawEnvironment)
    {
        var label = reader.Label;
        var stopAsGroupWritten = reader.Entry("stopasgroup") is not null;
        var killAsGroupWritten = reader.Entry("killasgroup") is not null;
        var stopAsGroup = reader.Bool("stopasgroup", names, false);
        var killAsGroup = reader.Bool("killasgroup", names, stopAsGroup);
        var options = new ProgramConfig
        {
            Name = programName,
            Priority = (int)reader.Integer("priority", names, 999, int.MinValue, int.MaxValue),
            AutoStart = reader.Bool("autostart", names, true),
            AutoRestart = reader.Typed("autorestart", names, AutoRestart.Unexpected, IniValues.AutoRestart, $"one of unexpected, {IniValues.BooleanWords}"),
            StartSecs = TimeSpan.FromSeconds(reader.Integer("startsecs", names, 1, 0, int.MaxValue)),
            StartRetries = (int)reader.Integer("startretries", names, 3, 0, int.MaxValue),
            StopSignal = reader.Typed("stopsignal", names, 15, IniValues.Signal, "a signal name such as TERM, INT, QUIT, HUP, KILL, USR1 or USR2"),
            StopWait = TimeSpan.FromSeconds(reader.Integer("stopwaitsecs", names, 10, 0, int.MaxValue)),
            ExitCodes = new EquatableArray<int>(ReadExitCodes(reader, names)),
            RedirectStderr = reader.Bool("redirect_stderr", names, false),
            NumProcs = (int)reader.Integer("numprocs", names, 1, 0, 10_000),
            NumProcsStart = (int)reader.Integer("numprocs_start", names, 0, 0, int.MaxValue / 2),
            User = reader.Text("user", names),
            Umask = reader.Entry("umask") is null ? null : reader.Typed("umask", names, 0, IniValues.Octal, "an octal umask such as 022"),
            Processes = new EquatableArray<ProcessConfig>([]),

            // Unwritten, both keep tuisupervisor's default (true: no grandchild outlives a stop);
            // written, supervisord's rule: killasgroup defaults to stopasgroup.
            StopAsGroup = stopAsGroupWritten ? stopAsGroup : !killAsGroupWritten || killAsGroup,
            KillAsGroup = stopAsGroupWritten || killAsGroupWritten ? killAsGroup : true,
        };

        rawEnvironment = reader.Entry("environment")?.Value ?? "";
        rawProcessName = (reader.Entry("process_name")?.Value ?? "%(program_name)s").Trim();
        var bad = rawProcessName.FirstOrDefault(c => c is ' ' or ':' or '/');
        if (bad != default)
        {
            reader.Error(reader.Entry("process_name")!, $"'{rawProcessName}' may not contain '{bad}': process names appear in GROUP:NAME targets and log file names");
            return null;
        }

        if (options.NumProcs > 1 && !rawProcessName.Contains("%(process_num)", StringComparison.Ordinal))
        {
            reader.Diagnostics.Error(reader.Entry("process_name")?.Place ?? reader.Entry("numprocs")!.Place, $"{label} has numprocs = {options.NumProcs} but its process_name has no %(process_num): every process would get the same name, e.g. process_name = %(program_name)s_%(process_num)02d");
            return null;
        }

        if (stopAsGroup && !killAsGroup)
        {
            reader.Diagnostics.Error(reader.Entry("killasgroup")!.Place, $"{label} sets stopasgroup = true and killasgroup = false: a group that gets the stop signal must also get SIGKILL");
            return null;
        }

        if (options.NumProcs == 0)
            reader.Diagnostics.Warning(reader.Entry("numprocs")!.Place, $"{label} has numprocs = 0: it has no processes");
        return options;
    }

    private static List<int> ReadExitCodes(IniSectionReader reader, Dictionary<string, object> names)
    {
        var text = reader.Text("exitcodes", names);
        if (text is null)
            return [0];
        if (IniValues.ExitCodes(text) is { } codes)
            return codes;
        reader.Error(reader.Entry("exitcodes")!, $"'{text}' is not a list of exit codes 0-255 separated by commas, e.g. 0,2");
        return [0];
    }

    /// <summary>Keys supervisord reads that the engine has no equivalent for: checked, and a warning when they would matter.</summary>
    private static void ReadUnimplemented(IniSectionReader reader, Dictionary<string, object> names)
    {
        foreach (var stream in new[] { "stdout", "stderr" })
        {
            if (reader.Size($"{stream}_capture_maxbytes", names, 0) != 0)
                reader.Warning(reader.Entry($"{stream}_capture_maxbytes")!, "capture mode (for event listeners) is not implemented: the output is logged as usual");
            if (reader.Bool($"{stream}_events_enabled", names, false))
                reader.Warning(reader.Entry($"{stream}_events_enabled")!, "event listeners are not implemented: no events are sent");
        }

        if (reader.Text("serverurl", names) is { } url && !url.Trim().Equals("AUTO", StringComparison.OrdinalIgnoreCase))
            reader.Warning(reader.Entry("serverurl")!, "not implemented: SUPERVISOR_SERVER_URL is not set for the child");
    }

    private static ProcessConfig? ReadProcess(
        IniSectionReader reader,
        ProgramConfig options,
        Dictionary<string, object> names,
        string rawProcessName,
        string rawEnvironment,
        SupervisorSettings settings,
        BindingContext context)
    {
        var environment = new List<KeyValuePair<string, string>>();
        if (reader.Entry("environment") is { } environmentEntry)
        {
            if (!IniExpander.TryExpand(rawEnvironment, names, out var text, out var error) || !IniEnvironment.TryParse(text, out environment, out error))
                reader.Error(environmentEntry, error);
        }

        foreach (var (key, value) in environment)
            names["ENV_" + key] = value;

        var directory = reader.Text("directory", names) is { } dir ? IniPaths.Resolve(dir, context) : null;
        var stdout = ReadLog(reader, "stdout", names, context);
        var stderr = ReadLog(reader, "stderr", names, context);
        if (options.RedirectStderr)
        {
            if (stderr.Kind == LogTargetKind.File)
                reader.Warning(reader.Entry("stderr_logfile")!, "ignored because redirect_stderr = true: stderr goes to the stdout log");
            stderr = new LogTarget(LogTargetKind.None, null, 0, 0);
        }

        var command = reader.Text("command", names);
        if (reader.Entry("command") is null)
            reader.Diagnostics.Error(reader.Section.Place, $"{reader.Label} has no 'command': give the program to run, e.g. command=/usr/bin/sleep 10");
        if (!IniExpander.TryExpand(rawProcessName, names, out var name, out var nameError))
            reader.Error(reader.Entry("process_name")!, nameError);
        else if (!Names.IsValid(name, out var problem))
            reader.Diagnostics.Error(reader.Entry("process_name")?.ValuePlace ?? reader.Section.Place, $"process name \"{name}\" of {reader.Label} {problem}");
        if (command is null || name.Length == 0 || !Names.IsValid(name, out _))
            return null;

        if (!CommandLine.TrySplit(command, out var split, out var splitError) || split.Count == 0)
        {
            reader.Error(reader.Entry("command")!, split.Count == 0 && splitError.Length == 0 ? "the command is empty" : $"cannot split '{command}' into arguments: {splitError}");
            return null;
        }

        var arguments = split.ToList();
        ProcessExpander.ResolveProgramPath(arguments, directory ?? context.Directory);
        return new ProcessConfig
        {
            Name = name,
            GroupName = "",
            ProgramName = "",
            Command = new EquatableArray<string>(arguments),
            CommandText = command,
            Directory = directory,
            Environment = settings.Environment.Merge(environment),
            Stdout = stdout,
            Stderr = stderr,
        };
    }

    private static LogTarget ReadLog(IniSectionReader reader, string stream, Dictionary<string, object> names, BindingContext context)
    {
        var maxBytes = reader.Size($"{stream}_logfile_maxbytes", names, LogTarget.DefaultMaxBytes);
        var backups = (int)reader.Integer($"{stream}_logfile_backups", names, LogTarget.DefaultBackups, 0, 10_000);
        if (reader.Bool($"{stream}_syslog", names, false))
            reader.Warning(reader.Entry($"{stream}_syslog")!, "syslog output is not implemented: use a log file");
        var path = reader.Text($"{stream}_logfile", names, times: 2);
        return path?.ToLowerInvariant() switch
        {
            null or "auto" => new LogTarget(LogTargetKind.Auto, null, maxBytes, backups),
            "none" or "off" or "/dev/null" => new LogTarget(LogTargetKind.None, null, maxBytes, backups),
            "syslog" => Syslog(reader, stream, maxBytes, backups),
            _ => new LogTarget(LogTargetKind.File, IniPaths.Resolve(path, context), maxBytes, backups),
        };
    }

    private static LogTarget Syslog(IniSectionReader reader, string stream, long maxBytes, int backups)
    {
        reader.Warning(reader.Entry($"{stream}_logfile")!, "syslog output is not implemented: the output is kept in memory only");
        return new LogTarget(LogTargetKind.None, null, maxBytes, backups);
    }
}
