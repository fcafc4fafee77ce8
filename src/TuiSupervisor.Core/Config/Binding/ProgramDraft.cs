using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>
/// A program table read and type-checked, with the strings that may hold <c>%(…)s</c> expansions
/// kept raw (with their positions) until the group and process number of each process are known.
/// </summary>
internal sealed class ProgramDraft
{
    public required string Name { get; init; }
    public required TomlTable Table { get; init; }

    /// <summary>Options that need no expansion, already bound.</summary>
    public required ProgramConfig Options { get; set; }

    /// <summary>The command as one string (split after expansion) or as an array of arguments.</summary>
    public TomlValue? Command { get; set; }

    public TomlString? ProcessName { get; set; }
    public TomlString? Directory { get; set; }
    public List<KeyValuePair<string, TomlString>> Environment { get; } = [];
    public LogDraft Stdout { get; set; } = new(null, LogTarget.DefaultMaxBytes, LogTarget.DefaultBackups);
    public LogDraft Stderr { get; set; } = new(null, LogTarget.DefaultMaxBytes, LogTarget.DefaultBackups);
    public List<HealthCheckDraft> HealthChecks { get; } = [];

    /// <summary>Each dependency with where it was written, for messages about unknown names and cycles.</summary>
    public List<(Dependency Dependency, TomlPosition At)> DependsOn { get; } = [];
}

internal sealed record LogDraft(TomlString? Path, long MaxBytes, int Backups);

/// <summary>A health check with its expandable strings still raw.</summary>
internal sealed record HealthCheckDraft(HealthCheckConfig Options, TomlString? Url, TomlString? Command, TomlString? File, TomlPosition At);
