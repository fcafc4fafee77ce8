using System.Globalization;
using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Health;

/// <summary>
/// A heartbeat check: the child touches a file (named in <c>TUISUPERVISOR_HEARTBEAT_FILE</c>)
/// and the check looks at its mtime. Only a beat since this instance's spawn counts, so a file
/// left by the previous instance proves nothing; until the first beat the instance has
/// <c>timeout</c> from its spawn to write one.
/// </summary>
internal static class HeartbeatProbe
{
    /// <summary>
    /// File times come from the kernel's coarse clock, which may lag the engine's by a tick: a
    /// beat written right after the spawn must not look older than the spawn.
    /// </summary>
    private static readonly TimeSpan CoarseClockSlack = TimeSpan.FromMilliseconds(20);

    public static (ProbeOutcome, string) Look(HealthCheckConfig check, DateTimeOffset spawnedAt, DateTimeOffset now)
    {
        var limit = check.Timeout;
        DateTimeOffset? beat = File.Exists(check.File) ? new DateTimeOffset(File.GetLastWriteTimeUtc(check.File!), TimeSpan.Zero) : null;
        if (beat is { } last && last >= spawnedAt - CoarseClockSlack)
        {
            var age = now - last;
            return age <= limit
                ? (ProbeOutcome.Passed, $"last beat {Seconds(age)} ago")
                : (ProbeOutcome.Failed, $"no heartbeat for {Seconds(age)} (timeout {Seconds(limit)})");
        }

        var waited = now - spawnedAt;
        return waited <= limit
            ? (ProbeOutcome.Pending, $"no heartbeat yet ({Seconds(waited)} since the start)")
            : (ProbeOutcome.Failed, $"no heartbeat since the start {Seconds(waited)} ago (timeout {Seconds(limit)})");
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, span.TotalSeconds):0.#} s");
}
