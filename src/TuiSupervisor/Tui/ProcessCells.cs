using System.Globalization;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Health;

namespace TuiSupervisor.Tui;

/// <summary>
/// The text of each process-table cell. Figures are short (the table must fit 80 columns);
/// the description says what the state alone does not: why it failed, what it waits for,
/// when it retries.
/// </summary>
internal static class ProcessCells
{
    public static string Name(ProcessRow row) => row switch
    {
        { Process: { } process, Indented: true } => "  " + process.Name,
        { Process: { } process } => process.FullName,
        _ => (row.Folded ? "▸ " : "▾ ") + row.Group + " (" + row.Members.Count.ToString(CultureInfo.InvariantCulture) + ")",
    };

    public static string State(ProcessRow row)
    {
        if (row.Process is { } process)
            return process.State.Text();

        // A group speaks for its most urgent members: "1/3 FATAL", or "RUNNING" when all are.
        var worst = row.Members.MinBy(m => StateUrgency.Of(m.State))!.State;
        var count = row.Members.Count(m => m.State == worst);
        return count == row.Members.Count ? worst.Text() : $"{count}/{row.Members.Count} {worst.Text()}";
    }

    public static string Pid(ProcessSnapshot process) =>
        process.State.IsRunningLike() && process.Pid is { } pid ? pid.ToString(CultureInfo.InvariantCulture) : "";

    public static string Uptime(ProcessSnapshot process, DateTimeOffset now)
    {
        if (!process.State.IsRunningLike() || process.StartedAt is not { } started)
            return "";
        return Duration(now - started);
    }

    /// <summary><c>0:05:23</c>, or <c>2d 3:04:05</c> past a day.</summary>
    public static string Duration(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
            elapsed = TimeSpan.Zero;
        var clock = string.Create(CultureInfo.InvariantCulture, $"{elapsed.Hours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}");
        return elapsed.Days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.Days}d {clock}") : clock;
    }

    public static string Restarts(IReadOnlyList<ProcessSnapshot> processes) =>
        processes.Sum(p => p.Restarts).ToString(CultureInfo.InvariantCulture);

    public static string Cpu(IReadOnlyList<ProcessSnapshot> processes)
    {
        var samples = processes.Where(p => p.Usage?.CpuPercent is not null).ToList();
        return samples.Count == 0 ? "" : samples.Sum(p => p.Usage!.CpuPercent!.Value).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public static string Memory(IReadOnlyList<ProcessSnapshot> processes)
    {
        var samples = processes.Where(p => p.Usage is not null).ToList();
        return samples.Count == 0 ? "" : Bytes(samples.Sum(p => p.Usage!.RssBytes));
    }

    /// <summary>1024-based, as the config's sizes: <c>512K</c>, <c>12.3M</c>, <c>1.5G</c>.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "K", "M", "G", "T"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var format = unit == 0 || value >= 100 ? "0" : "0.0";
        return value.ToString(format, CultureInfo.InvariantCulture) + units[unit];
    }

    /// <summary><c>ok</c>, <c>ok 1/3</c> (failing, not yet over the threshold), <c>starting</c>, <c>FAIL 3/3</c>; empty without checks.</summary>
    public static string Health(ProcessSnapshot process)
    {
        if (process.Health is not { } health || !process.State.IsRunningLike())
            return "";
        var worst = health.Checks.MaxBy(c => (double)c.Failures / Math.Max(1, c.Threshold));
        var failures = worst is { Failures: > 0 } ? $" {worst.Failures}/{worst.Threshold}" : "";
        return health.Status switch
        {
            HealthStatus.Healthy => "ok" + failures,
            HealthStatus.Unhealthy => "FAIL" + failures,
            HealthStatus.Starting => "starting" + failures,
            _ => "",
        };
    }

    public static string Description(ProcessSnapshot process, DateTimeOffset now, TimeZoneInfo zone) => process.State switch
    {
        ProcessState.Running or ProcessState.Stopping => process.Description ?? "",
        ProcessState.Unhealthy => "failing: " + process.UnhealthyReason,
        ProcessState.Starting => process.WaitingFor ?? process.Description ?? "",
        ProcessState.Backoff when process.RetryAt is { } retry => $"retry in {Seconds(retry - now)}: {process.SpawnError}",
        ProcessState.Backoff or ProcessState.Fatal => process.SpawnError ?? "",
        ProcessState.Exited when process.LastExit is { } exit && process.StoppedAt is { } stopped => $"{exit.Text} at {StatusText.StopTime(stopped, zone)}",
        _ => StatusText.Description(process, now, zone),
    };

    private static string Seconds(TimeSpan wait) =>
        Math.Max(0, Math.Ceiling(wait.TotalSeconds)).ToString("0", CultureInfo.InvariantCulture) + " s";
}
