using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config;

/// <summary>A <c>[groups.NAME]</c> table: programs whose processes are named <c>NAME:process</c>.</summary>
public sealed record GroupConfig(string Name, EquatableArray<string> Programs, int Priority);
