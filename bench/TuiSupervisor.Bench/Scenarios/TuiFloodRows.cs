using System.Globalization;
using TuiSupervisor.Bench.Measurement;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>The rows of one run of the <c>tui</c> scenario with the flood selected, and how its measurements fill them.</summary>
internal sealed class TuiFloodRows
{
    private readonly FigureRow _cpu;
    private readonly FigureRow _bytes;
    private readonly FigureRow _keysMedian;
    private readonly FigureRow _keysP90;
    private readonly FigureRow? _engineCpu;
    private readonly FigureRow _rate;

    public TuiFloodRows(ResultTable table, string name, TimeSpan window, int repeats, int keys, bool inProcess)
    {
        Window = window;
        Repeats = repeats;
        Keys = keys;
        _cpu = table.Add(new FigureRow($"{name}: {(inProcess ? "the process's CPU (engine and TUI)" : "the TUI's CPU")} ({window.TotalSeconds:0} s windows)", "s per minute", "–"));
        _bytes = table.Add(new FigureRow("the same: bytes to the terminal", "B/s", "≪ the flood's 8 MB/s"));
        _keysMedian = table.Add(new FigureRow($"the same: key to screen, median of {keys}", "ms", "responsive"));
        _keysP90 = table.Add(new FigureRow($"the same: key to screen, p90 of {keys}", "ms", "responsive"));
        _engineCpu = inProcess ? null : table.Add(new FigureRow("the same: the engine's CPU meanwhile", "s per minute", "–"));
        _rate = table.Add(new FigureRow("the same: lines a second the child reached", "lines/s", string.Create(CultureInfo.InvariantCulture, $"{TuiScenario.FloodLinesPerSecond:N0}")));
    }

    public TimeSpan Window { get; }

    public int Repeats { get; }

    public int Keys { get; }

    public IEnumerable<FigureRow> All => new[] { _cpu, _bytes, _keysMedian, _keysP90, _engineCpu, _rate }.OfType<FigureRow>();

    /// <param name="countedByTerminal">
    /// The bytes are what tmux received, not the process's wchar: in-process the wchar holds the
    /// engine's log writes, and pm2 monit writes its requests to the daemon with write().
    /// </param>
    public void Set(string subject, IReadOnlyList<UsageWindow.Result> windows, IReadOnlyList<double> keys, bool countedByTerminal)
    {
        _cpu.Values[subject] = new Samples(windows.Select(w => w.TuiCpuPerMinute));
        _bytes.Values[subject] = new Samples(windows.Select(w => countedByTerminal ? w.ReceivedPerSecond : w.WrittenPerSecond));
        _engineCpu?.Values[subject] = new Samples(windows.Select(w => w.EngineCpuPerMinute));
        _rate.Values[subject] = new Samples(windows.Select(w => w.FloodLinesPerSecond ?? 0));
        var samples = new Samples(keys);
        _keysMedian.Values[subject] = samples;
        _keysP90.Values[subject] = new Samples([samples.Percentile(90)]);

        _cpu.Remarks.Add($"{subject}: load average {string.Join(", ", windows.Select(w => w.Load))} at the end of each window; tmux used {string.Join(", ", windows.Select(w => ResultTable.Number(w.TmuxCpuPerMinute)))} s per minute");
        _bytes.Remarks.Add(TuiRows.Bytes(subject, windows, countedByTerminal));
    }
}
