using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config;

/// <summary>
/// One concrete process of a program, with its <c>%(…)s</c> expansions applied: what the engine
/// spawns. <see cref="Command"/>[0] is made absolute when it names a relative path.
/// </summary>
public sealed record ProcessConfig
{
    public required string Name { get; init; }
    public required string GroupName { get; init; }
    public required string ProgramName { get; init; }
    public int ProcessNum { get; init; }
    public required EquatableArray<string> Command { get; init; }

    /// <summary>The command as it was written (before splitting), for display.</summary>
    public required string CommandText { get; init; }

    public string? Directory { get; init; }

    /// <summary>The supervisor's and the program's <c>environment</c> merged (not the engine's own).</summary>
    public EquatableMap Environment { get; init; } = EquatableMap.Empty;

    public required LogTarget Stdout { get; init; }
    public required LogTarget Stderr { get; init; }

    /// <summary>The program's health checks, expanded for this process (e.g. its own heartbeat file).</summary>
    public EquatableArray<HealthCheckConfig> HealthChecks { get; init; } = new EquatableArray<HealthCheckConfig>([]);

    /// <summary>supervisorctl's name: <c>NAME</c> when the group is named after the process, else <c>GROUP:NAME</c>.</summary>
    public string FullName => GroupName == Name ? Name : $"{GroupName}:{Name}";
}
