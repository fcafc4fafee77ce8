using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Core.Posix;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>Reads one <c>[programs.NAME]</c> table into a <see cref="ProgramDraft"/>.</summary>
internal static class ProgramReader
{
    private static readonly Dictionary<string, AutoRestart> AutoRestartWords = new(StringComparer.Ordinal)
    {
        ["unexpected"] = AutoRestart.Unexpected,
        ["always"] = AutoRestart.Always,
        ["never"] = AutoRestart.Never,
        ["true"] = AutoRestart.Always,
        ["false"] = AutoRestart.Never,
    };

    public static ProgramDraft Read(string name, TomlTable table, Diagnostics diagnostics)
    {
        var section = $"[programs.{name}]";
        var reader = new SectionReader(table, section, diagnostics);
        var defaults = new ProgramConfig { Name = name, Processes = new EquatableArray<ProcessConfig>([]) };
        var draft = new ProgramDraft { Name = name, Table = table, Options = defaults };

        draft.Command = ReadCommand(reader);
        draft.ProcessName = reader.StringNode("process_name");
        draft.Directory = reader.StringNode("directory", "workingdir");
        draft.Environment.AddRange(reader.StringTable("environment", "env") ?? []);

        var stopAsGroupEntry = reader.Take("stopasgroup");
        var killAsGroup = reader.Bool("killasgroup");
        var stopAsGroup = reader.Bool("stopasgroup") ?? killAsGroup ?? defaults.StopAsGroup;
        if (stopAsGroup && killAsGroup == false && stopAsGroupEntry is not null)
            diagnostics.Error(stopAsGroupEntry.KeyPosition, $"{section} sets stopasgroup = true and killasgroup = false: a group that gets the stop signal must also get SIGKILL");

        var redirectStderr = reader.Bool("redirect_stderr") ?? false;
        draft.Stdout = ReadLog(reader, "stdout");
        draft.Stderr = ReadLog(reader, "stderr");
        if (redirectStderr && reader.Table.TryGetEntry("stderr_logfile", out var stderrEntry))
            diagnostics.Error(stderrEntry.KeyPosition, $"{section} sets both redirect_stderr = true and stderr_logfile: stderr goes to the stdout log");

        draft.Options = defaults with
        {
            Description = reader.String("description"),
            Enabled = reader.Bool("enabled") ?? true,
            NumProcs = reader.Int("numprocs", 1, 10_000) ?? 1,
            NumProcsStart = reader.Int("numprocs_start", 0, int.MaxValue / 2) ?? 0,
            Priority = reader.Int("priority", int.MinValue, int.MaxValue) ?? defaults.Priority,
            AutoStart = reader.Bool("autostart") ?? true,
            AutoRestart = ReadAutoRestart(reader) ?? defaults.AutoRestart,
            ExitCodes = ReadExitCodes(reader) ?? defaults.ExitCodes,
            StartSecs = reader.Duration("startsecs") ?? defaults.StartSecs,
            StartRetries = reader.Int("startretries", 0, int.MaxValue) ?? defaults.StartRetries,
            StopSignal = ReadSignal(reader, "stopsignal") ?? defaults.StopSignal,
            StopWait = reader.Duration("stopwaitsecs") ?? defaults.StopWait,
            StopAsGroup = stopAsGroup,
            KillAsGroup = killAsGroup ?? stopAsGroup,
            User = reader.String("user"),
            Umask = ReadUmask(reader, "umask"),
            RedirectStderr = redirectStderr,
            Backoff = ReadBackoff(reader),
            Limits = LimitsReader.Read(reader),
        };

        ReadDependencies(reader, draft);
        draft.HealthChecks.AddRange(HealthCheckReader.Read(reader));
        reader.ReportUnknownKeys();
        // A command that is there but wrong (empty, of the wrong type) has had its own, more precise error.
        if (draft.Command is null && !table.ContainsKey("command") && !table.ContainsKey("cmd"))
            diagnostics.Error(table.Position, $"{section} has no 'command': give the program to run, e.g. command = \"sleep 10\"");
        return draft;
    }

    /// <summary>An octal umask written as a string, e.g. "022".</summary>
    public static int? ReadUmask(SectionReader reader, string key)
    {
        var entry = reader.Take(key);
        if (entry is null)
            return null;
        if (entry.Value is TomlString text && text.Value.Length is > 0 and <= 4 && text.Value.All(c => c is >= '0' and <= '7'))
            return Convert.ToInt32(text.Value, 8);
        reader.BadValue(entry, "octal digits in a string, e.g. \"022\"");
        return null;
    }

    private static TomlValue? ReadCommand(SectionReader reader)
    {
        var entry = reader.Take("command", "cmd");
        switch (entry?.Value)
        {
            case null:
                return null;
            case TomlString text when string.IsNullOrWhiteSpace(text.Value):
                reader.Diagnostics.Error(text.Position, $"'{entry.Key}' in {reader.SectionName} is empty");
                return null;
            case TomlString text:
                return text;
            case TomlArray array when array.Count > 0 && array.All(v => v is TomlString):
                return array;
            default:
                reader.WrongType(entry, "a string or a non-empty array of strings");
                return null;
        }
    }

    private static LogDraft ReadLog(SectionReader reader, string stream)
    {
        var path = reader.StringNode($"{stream}_logfile", stream);
        var maxBytes = reader.Size($"{stream}_logfile_maxbytes", $"{stream}_maxbytes") ?? LogTarget.DefaultMaxBytes;
        var backups = reader.Int($"{stream}_logfile_backups", 0, 1000, $"{stream}_backups") ?? LogTarget.DefaultBackups;
        return new LogDraft(path, maxBytes, backups);
    }

    private static AutoRestart? ReadAutoRestart(SectionReader reader)
    {
        var entry = reader.Take("autorestart");
        switch (entry?.Value)
        {
            case null:
                return null;
            case TomlBoolean flag:
                return flag.Value ? AutoRestart.Always : AutoRestart.Never;
            case TomlString text when AutoRestartWords.TryGetValue(text.Value.ToLowerInvariant(), out var mode):
                return mode;
            default:
                reader.BadValue(entry, "true, false, \"unexpected\", \"always\" or \"never\"");
                return null;
        }
    }

    private static EquatableArray<int>? ReadExitCodes(SectionReader reader)
    {
        var entry = reader.Take("exitcodes");
        if (entry is null)
            return null;
        var values = entry.Value switch
        {
            TomlInteger single => [single],
            TomlArray array => array.ToList(),
            _ => null,
        };
        if (values is null || values.Any(v => v is not TomlInteger { Value: >= 0 and <= 255 }))
        {
            reader.BadValue(entry, "an exit code 0–255 or an array of them, e.g. [0, 2]");
            return null;
        }

        return new EquatableArray<int>(values.Cast<TomlInteger>().Select(v => (int)v.Value));
    }

    private static int? ReadSignal(SectionReader reader, string key)
    {
        var entry = reader.Take(key);
        if (entry is null)
            return null;
        if (entry.Value is TomlString text && Signals.TryParse(text.Value, out var signal))
            return signal;
        if (entry.Value is TomlInteger { Value: > 0 and <= Signals.Max } number)
            return (int)number.Value;
        reader.BadValue(entry, "a signal name such as \"TERM\", \"INT\", \"QUIT\", \"HUP\", \"KILL\", \"USR1\" or \"USR2\", or its number");
        return null;
    }

    private static RestartBackoff ReadBackoff(SectionReader reader)
    {
        var defaults = RestartBackoff.Supervisord;
        return new RestartBackoff(
            reader.Duration("backoff_initial") ?? defaults.Initial,
            reader.Number("backoff_multiplier", 1, 100),
            reader.Duration("backoff_max"),
            reader.Int("max_restarts", -1, int.MaxValue) ?? defaults.MaxRestarts);
    }

    private static void ReadDependencies(SectionReader reader, ProgramDraft draft)
    {
        var entry = reader.Take("depends_on");
        switch (entry?.Value)
        {
            case null:
                return;
            case TomlArray array when array.All(v => v is TomlString):
                foreach (var name in array.Cast<TomlString>())
                    draft.DependsOn.Add((new Dependency(name.Value, DependencyCondition.Started), name.Position));
                return;
            case TomlTable table:
                foreach (var item in table)
                {
                    if (item.Value is TomlString { Value: var word } && ParseCondition(word) is { } condition)
                        draft.DependsOn.Add((new Dependency(item.Key, condition), item.KeyPosition));
                    else
                        reader.Diagnostics.Error(item.Value.Position, $"invalid condition {SectionReader.Describe(item.Value)} for dependency '{item.Key}' in {reader.SectionName}: expected \"started\", \"healthy\" or \"completed\"");
                }

                return;
            default:
                reader.WrongType(entry, "an array of program names, or a table such as { db = \"healthy\" }");
                return;
        }
    }

    private static DependencyCondition? ParseCondition(string word) => word.ToLowerInvariant() switch
    {
        "started" => DependencyCondition.Started,
        "healthy" => DependencyCondition.Healthy,
        "completed" => DependencyCondition.Completed,
        _ => null,
    };
}
