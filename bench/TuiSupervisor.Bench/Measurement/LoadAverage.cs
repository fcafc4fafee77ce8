namespace TuiSupervisor.Bench.Measurement;

/// <summary>The machine's one-minute load average, written beside the figures it may have inflated.</summary>
internal static class LoadAverage
{
    public static string Now() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
