namespace TuiSupervisor.Core.Resources;

/// <summary>
/// One sample of a process's whole group (every process in its session or process group).
/// <paramref name="CpuPercent"/> is of one core over the last interval (200 = two cores busy),
/// null at the first sample; <paramref name="RssBytes"/> is the sum of the members' resident sets.
/// </summary>
public sealed record ResourceUsage(double? CpuPercent, long RssBytes, int Processes, DateTimeOffset At);
