using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>Reads a program's <c>healthcheck</c>: one table, or an array of tables that must all pass.</summary>
internal static class HealthCheckReader
{
    private static readonly Dictionary<string, HealthCheckType> Types = new(StringComparer.Ordinal)
    {
        ["http"] = HealthCheckType.Http,
        ["tcp"] = HealthCheckType.Tcp,
        ["exec"] = HealthCheckType.Exec,
        ["heartbeat"] = HealthCheckType.Heartbeat,
    };

    private static readonly Dictionary<string, UnhealthyAction> Actions = new(StringComparer.Ordinal)
    {
        ["restart"] = UnhealthyAction.Restart,
        ["none"] = UnhealthyAction.None,
    };

    /// <summary>The keys that only make sense for one type of check.</summary>
    private static readonly Dictionary<string, HealthCheckType> TargetKeys = new(StringComparer.Ordinal)
    {
        ["url"] = HealthCheckType.Http,
        ["expected_status"] = HealthCheckType.Http,
        ["expected_body"] = HealthCheckType.Http,
        ["host"] = HealthCheckType.Tcp,
        ["port"] = HealthCheckType.Tcp,
        ["command"] = HealthCheckType.Exec,
        ["file"] = HealthCheckType.Heartbeat,
    };

    public static IEnumerable<HealthCheckDraft> Read(SectionReader program)
    {
        var entry = program.Take("healthcheck");
        switch (entry?.Value)
        {
            case null:
                return [];
            case TomlTable single:
                return ReadOne(single, $"{program.SectionName} healthcheck", program.Diagnostics) is { } check ? [check] : [];
            case TomlArray array when array.All(v => v is TomlTable):
                return array.Cast<TomlTable>()
                    .Select((t, i) => ReadOne(t, $"{program.SectionName} healthcheck #{i + 1}", program.Diagnostics))
                    .OfType<HealthCheckDraft>()
                    .ToList();
            default:
                program.WrongType(entry, "a table, or an array of tables ([[programs.NAME.healthcheck]])");
                return [];
        }
    }

    private static HealthCheckDraft? ReadOne(TomlTable table, string section, Diagnostics diagnostics)
    {
        var reader = new SectionReader(table, section, diagnostics);
        var type = reader.Choice("type", Types);
        if (type is null && !table.ContainsKey("type"))
            diagnostics.Error(table.Position, $"{section} has no 'type': expected \"http\", \"tcp\", \"exec\" or \"heartbeat\"");

        var defaults = new HealthCheckConfig { Type = type ?? HealthCheckType.Exec };
        var options = defaults with
        {
            ExpectedStatus = reader.Int("expected_status", 100, 599),
            ExpectedBody = reader.String("expected_body"),
            Host = reader.String("host") ?? defaults.Host,
            Port = reader.Int("port", 1, 65535),
            Interval = reader.Duration("interval") ?? defaults.Interval,
            Timeout = reader.Duration("timeout") ?? defaults.Timeout,
            Retries = reader.Int("retries", 1, 1000) ?? defaults.Retries,
            StartPeriod = reader.Duration("start_period") ?? defaults.StartPeriod,
            OnUnhealthy = reader.Choice("on_unhealthy", Actions) ?? defaults.OnUnhealthy,
        };
        var url = reader.StringNode("url");
        var command = reader.StringNode("command");
        var file = reader.StringNode("file");
        reader.ReportUnknownKeys();
        if (type is null)
            return null;

        foreach (var (key, owner) in TargetKeys)
        {
            if (owner != type && table.TryGetEntry(key, out var misplaced))
                diagnostics.Error(misplaced.KeyPosition, $"'{key}' in {section} belongs to {Name(owner)} checks, but this check has type = \"{Name(type.Value)}\"");
        }

        var missing = type switch
        {
            HealthCheckType.Http when url is null => "url",
            HealthCheckType.Tcp when options.Port is null && !table.ContainsKey("port") => "port",
            HealthCheckType.Exec when command is null => "command",
            _ => null,
        };
        if (missing is not null)
            diagnostics.Error(table.Position, $"{section} of type \"{Name(type.Value)}\" needs '{missing}'");
        return new HealthCheckDraft(options, url, command, file, table.Position);
    }

    private static string Name(HealthCheckType type) => type.ToString().ToLowerInvariant();
}
