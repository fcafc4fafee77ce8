using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>Reads the <c>[supervisor]</c> table; paths are resolved against the config file's folder.</summary>
internal static class SupervisorReader
{
    private static readonly Dictionary<string, LogLevel> Levels = new(StringComparer.Ordinal)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Info,
        ["warn"] = LogLevel.Warn,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
    };

    public static SupervisorSettings Read(TomlTable? table, BindingContext context, Diagnostics diagnostics)
    {
        var defaults = new SupervisorSettings
        {
            LogFile = context.Resolve("logs/supervisor.log"),
            PidFile = context.Resolve(context.ConfigName + ".pid"),
            ChildLogDir = context.Resolve("logs"),
        };
        if (table is null)
            return defaults;

        var reader = new SectionReader(table, "[supervisor]", diagnostics);
        var values = context.BaseExpansions();
        string? PathValue(string key) => reader.Take(key) is { } entry ? ExpandPath(reader, entry, values, context) : null;

        var environment = (reader.StringTable("environment", "env") ?? [])
            .Select(e => new KeyValuePair<string, string>(e.Key, Expand(e.Value, values, diagnostics) ?? ""));
        var settings = defaults with
        {
            LogFile = PathValue("logfile") ?? defaults.LogFile,
            LogFileMaxBytes = reader.Size("logfile_maxbytes") ?? defaults.LogFileMaxBytes,
            LogFileBackups = reader.Int("logfile_backups", 0, 1000) ?? defaults.LogFileBackups,
            LogLevel = reader.Choice("loglevel", Levels) ?? defaults.LogLevel,
            PidFile = PathValue("pidfile") ?? defaults.PidFile,
            Socket = PathValue("socket"),
            ChildLogDir = PathValue("childlogdir") ?? defaults.ChildLogDir,
            Environment = defaults.Environment.Merge(environment),
            Umask = ProgramReader.ReadUmask(reader, "umask") ?? defaults.Umask,
            Theme = reader.String("theme") ?? defaults.Theme,
        };
        reader.ReportUnknownKeys();
        return settings;
    }

    private static string? ExpandPath(SectionReader reader, TomlEntry entry, Dictionary<string, object> values, BindingContext context)
    {
        if (entry.Value is not TomlString text)
        {
            reader.WrongType(entry, "a path in a string");
            return null;
        }

        var expanded = Expand(text, values, reader.Diagnostics);
        return expanded is null ? null : context.Resolve(expanded);
    }

    private static string? Expand(TomlString text, Dictionary<string, object> values, Diagnostics diagnostics)
    {
        if (Values.Expansion.TryExpand(text.Value, values, out var expanded, out var error))
            return expanded;
        diagnostics.Error(text.Position, error);
        return null;
    }
}
