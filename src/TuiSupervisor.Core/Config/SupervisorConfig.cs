using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config;

/// <summary>A whole, valid configuration: what the engine runs.</summary>
public sealed record SupervisorConfig
{
    /// <summary>The file it was read from, as it was named (<c>-c</c>), or a name such as "(embedded supervisor.toml)".</summary>
    public required string Source { get; init; }

    public required SupervisorSettings Supervisor { get; init; }
    public required EquatableArray<ProgramConfig> Programs { get; init; }
    public EquatableArray<GroupConfig> Groups { get; init; } = new EquatableArray<GroupConfig>([]);

    /// <summary>Every process of every enabled program.</summary>
    public IEnumerable<ProcessConfig> Processes => Programs.Where(p => p.Enabled).SelectMany(p => p.Processes);
}
