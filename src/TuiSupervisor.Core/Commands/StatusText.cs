using System.Globalization;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Commands;

/// <summary>
/// supervisorctl 4.2.5's <c>status</c> lines, to the character (supervisord-semantics.md section 6):
/// the name padded to max(30, longest) + 3, the state padded to 10, then the description.
/// Ours beyond supervisorctl: UNHEALTHY (9 letters, so the column stays 10 wide) with the failing
/// check's output, and a STARTING process's dependency wait (<c>waiting for db (healthy)</c>).
/// </summary>
public static class StatusText
{
    public static IEnumerable<string> Lines(IReadOnlyCollection<ProcessSnapshot> processes, DateTimeOffset now, TimeZoneInfo zone)
    {
        var width = Math.Max(30, processes.Select(p => p.FullName.Length).DefaultIfEmpty(0).Max()) + 3;
        return processes.Select(p => p.FullName.PadRight(width) + p.State.Text().PadRight(10) + Description(p, now, zone));
    }

    public static string Description(ProcessSnapshot process, DateTimeOffset now, TimeZoneInfo zone) => process.State switch
    {
        ProcessState.Running => $"pid {process.Pid}, uptime {Uptime(now - (process.StartedAt ?? now))}",
        ProcessState.Unhealthy => $"pid {process.Pid}, uptime {Uptime(now - (process.StartedAt ?? now))}, failing: {process.UnhealthyReason}",
        ProcessState.Starting when process.WaitingFor is { } waiting => waiting,
        ProcessState.Backoff or ProcessState.Fatal => process.SpawnError ?? "unknown error (try \"tail NAME\")",
        ProcessState.Stopped or ProcessState.Exited when process.StoppedAt is { } stopped => StopTime(stopped, zone),
        ProcessState.Stopped or ProcessState.Exited => "Not started",
        _ => "",
    };

    /// <summary>Python's timedelta text, as supervisorctl prints it: <c>0:05:23</c>, <c>1 day, 2:03:04</c>.</summary>
    public static string Uptime(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
            elapsed = TimeSpan.Zero;
        var clock = string.Create(CultureInfo.InvariantCulture, $"{elapsed.Hours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}");
        return elapsed.Days switch
        {
            0 => clock,
            1 => $"1 day, {clock}",
            var days => $"{days} days, {clock}",
        };
    }

    /// <summary>supervisorctl's <c>%b %d %I:%M %p</c> in local time, e.g. <c>Nov 21 10:13 PM</c>.</summary>
    public static string StopTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("MMM dd hh:mm tt", CultureInfo.InvariantCulture);
}
