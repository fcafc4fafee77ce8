using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Commands;

/// <summary>What one command target named: its processes, or why none.</summary>
public sealed record TargetMatch(string Target, IReadOnlyList<ProcessSnapshot> Processes, TargetError? Error);
