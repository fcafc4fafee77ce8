using System.Diagnostics;
using System.Globalization;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Measurement;

/// <summary>
/// What a TUI, its engine and its terminal cost over a quiet wait: CPU (utime + stime) of each,
/// the bytes the TUI wrote (its wchar) and the bytes its terminal received from it (tmux's
/// <c>%output</c>), and how many lines the flooding child printed meanwhile.
/// </summary>
internal sealed class UsageWindow
{
    private readonly TmuxServer _tmux;
    private readonly int _engine;
    private readonly string? _floodStats;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly double _tuiCpu;
    private readonly double _engineCpu;
    private readonly double _tmuxCpu;
    private readonly long _written;
    private readonly long _received;
    private readonly (long Lines, long Nanoseconds)? _flood;

    /// <param name="engine">The engine's PID: another process when attached, the TUI's own otherwise.</param>
    /// <param name="floodStats">The flooding helper's stats file, or null when nothing floods.</param>
    private UsageWindow(TmuxServer tmux, int engine, string? floodStats)
    {
        _tmux = tmux;
        _engine = engine;
        _floodStats = floodStats;
        _tuiCpu = ProcessProbe.CpuSeconds(tmux.PanePid);
        _engineCpu = ProcessProbe.CpuSeconds(engine);
        _tmuxCpu = ProcessProbe.CpuSeconds(tmux.ServerPid);
        _written = ProcessProbe.WrittenBytes(tmux.PanePid);
        _received = tmux.OutputBytes;
        _flood = floodStats is null ? null : FloodCount(floodStats);
    }

    public static async Task<Result> MeasureAsync(TmuxServer tmux, int engine, string? floodStats, TimeSpan length)
    {
        var window = new UsageWindow(tmux, engine, floodStats);
        await Task.Delay(length).ConfigureAwait(false);
        return window.Close();
    }

    private Result Close()
    {
        var seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        double? floodRate = null;
        if (_flood is { } before && FloodCount(_floodStats!) is var after)
            floodRate = (after.Lines - before.Lines) / ((after.Nanoseconds - before.Nanoseconds) / 1e9);
        return new Result(
            TuiCpuPerMinute: (ProcessProbe.CpuSeconds(_tmux.PanePid) - _tuiCpu) * 60 / seconds,
            EngineCpuPerMinute: (ProcessProbe.CpuSeconds(_engine) - _engineCpu) * 60 / seconds,
            TmuxCpuPerMinute: (ProcessProbe.CpuSeconds(_tmux.ServerPid) - _tmuxCpu) * 60 / seconds,
            WrittenPerSecond: (ProcessProbe.WrittenBytes(_tmux.PanePid) - _written) / seconds,
            ReceivedPerSecond: (_tmux.OutputBytes - _received) / seconds,
            FloodLinesPerSecond: floodRate,
            Load: LoadAverage.Now());
    }

    /// <summary>The helper's "LINES NS" (benchhelper.c, <c>flood</c>): lines written by the time it last looked.</summary>
    private static (long Lines, long Nanoseconds) FloodCount(string statsFile)
    {
        var fields = File.ReadAllText(statsFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <param name="Load">The one-minute load average as the window closed.</param>
    public sealed record Result(double TuiCpuPerMinute, double EngineCpuPerMinute, double TmuxCpuPerMinute, double WrittenPerSecond, double ReceivedPerSecond, double? FloodLinesPerSecond, string Load);
}
