namespace TuiSupervisor.Core.Engine;

/// <summary>What a reload printed, and how it ended.</summary>
public sealed record ReloadOutcome(IReadOnlyList<string> Lines, ReloadStatus Status);
