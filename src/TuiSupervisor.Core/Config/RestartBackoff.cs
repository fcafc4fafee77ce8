namespace TuiSupervisor.Core.Config;

/// <summary>
/// How long to wait before the n-th retry of a process that keeps exiting too quickly, and how
/// many restarts are allowed at all.
/// <para>
/// With no <see cref="Multiplier"/> it is supervisord's rule: retry n waits n × <see cref="Initial"/>
/// (1 s, 2 s, 3 s …). With a multiplier it is exponential: <c>Initial × Multiplier^(n-1)</c>,
/// capped at <see cref="Max"/>. <see cref="MaxRestarts"/> of -1 means unlimited.
/// </para>
/// </summary>
public sealed record RestartBackoff(TimeSpan Initial, double? Multiplier, TimeSpan? Max, int MaxRestarts)
{
    public static RestartBackoff Supervisord { get; } = new(TimeSpan.FromSeconds(1), null, null, -1);

    /// <summary>The wait before retry <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayBeforeRetry(int attempt)
    {
        var seconds = Multiplier is { } multiplier
            ? Initial.TotalSeconds * Math.Pow(multiplier, attempt - 1)
            : Initial.TotalSeconds * attempt;
        var delay = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 4));
        return Max is { } max && delay > max ? max : delay;
    }
}
