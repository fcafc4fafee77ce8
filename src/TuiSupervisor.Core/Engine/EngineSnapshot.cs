namespace TuiSupervisor.Core.Engine;

/// <summary>
/// The whole engine at one moment. Immutable and versioned: a subscriber that got version N has
/// seen every change up to N.
/// </summary>
public sealed record EngineSnapshot(long Version, DateTimeOffset EngineStartedAt, string ConfigSource, IReadOnlyList<ProcessSnapshot> Processes)
{
    public ProcessSnapshot? Find(string fullName) => Processes.FirstOrDefault(p => p.FullName == fullName);
}
