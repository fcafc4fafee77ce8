using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// One process in <c>ctl --json status</c>: a stable, documented shape (docs/control-protocol.md)
/// that does not change when the engine's snapshot grows; fields are added, never renamed.
/// <see cref="CpuPercent"/> (of one core) and <see cref="RssBytes"/> are the last resource sample
/// of the process's whole group while it runs, absent until there is one.
/// </summary>
public sealed record ProcessStatus(
    string Name,
    string Group,
    string Program,
    string State,
    int? Pid,
    string Description,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    int? ExitCode,
    int? ExitSignal,
    int Restarts,
    double? CpuPercent,
    long? RssBytes)
{
    public static ProcessStatus From(ProcessSnapshot process, DateTimeOffset now, TimeZoneInfo zone) => new(
        process.FullName,
        process.Group,
        process.Program,
        process.State.Text(),
        process.State.IsRunningLike() ? process.Pid : null,
        StatusText.Description(process, now, zone),
        process.StartedAt,
        process.StoppedAt,
        process.LastExit?.Code,
        process.LastExit?.Signal,
        process.Restarts,
        process.State.IsRunningLike() && process.Usage?.CpuPercent is { } cpu ? Math.Round(cpu, 1) : null,
        process.State.IsRunningLike() ? process.Usage?.RssBytes : null);
}
