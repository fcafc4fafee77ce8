namespace TuiSupervisor.Core.Logging;

/// <summary>What <see cref="ChildLogPaths.DeletePreviousAutoLogs"/> removed, and what it could not (path and reason).</summary>
internal sealed record AutoLogCleanup(IReadOnlyList<string> Deleted, IReadOnlyList<LogFileNotice> Failed);
