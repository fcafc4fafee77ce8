using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// One process in <c>ctl --json status</c>: a stable, documented shape (docs/control-protocol.md)
/// that does not change when the engine's snapshot grows.
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
    int Restarts)
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
        process.Restarts);
}
