using System.Globalization;
using TuiSupervisor.Bench.Measurement;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>The rows of the <c>tui</c> scenario, in the order they print, and how each run's measurements fill them.</summary>
internal sealed class TuiRows
{
    private readonly FigureRow _idleCpu;
    private readonly FigureRow _idleBytes;

    public TuiRows(ResultTable table, TimeSpan idleWindow, TimeSpan floodWindow, int repeats, int keys)
    {
        IdleWindow = idleWindow;
        Keys = keys;
        var idle = $"TUI attached, idle, {TuiScenario.Sleepers} sleeping children shown ({idleWindow.TotalSeconds:0} s)";
        _idleCpu = table.Add(new FigureRow($"{idle}: the TUI's CPU", "s per minute", "–"));
        _idleBytes = table.Add(new FigureRow("the same: bytes to the terminal", "B/s", "only changed cells"));
        IdleKeys = table.Add(new FigureRow($"the same: key to screen, median of {keys}", "ms", "responsive"));
        AttachedFile = new TuiFloodRows(table, "TUI attached, 100,000 lines/s selected, log to a file", floodWindow, repeats, keys, inProcess: false);
        AttachedNone = new TuiFloodRows(table, "the same, log NONE", floodWindow, repeats, keys, inProcess: false);
        InProcess = new TuiFloodRows(table, "TUI in-process (its own engine), the same flood, log to a file", floodWindow, repeats, keys, inProcess: true);
        _idleCpu.Remarks.Add("CPU is utime + stime of the process in the pane (/proc/PID/stat), per minute; the engine is another process except in-process");
        _idleCpu.Remarks.Add(string.Create(CultureInfo.InvariantCulture, $"the window opens {TuiScenario.IdleWarmUp.TotalSeconds:0} s after the table showed: ours tiers up (the JIT recompiles a method after its 30th call, and the redraw runs once a second) for over a minute"));
        _idleBytes.Remarks.Add("ours attached: the TUI's wchar (/proc/PID/io: its write()s to the terminal; its socket requests go through sendto, which wchar does not count), beside what tmux received from the pane; in-process and pm2: what tmux received");
        IdleKeys.Remarks.Add($"from tmux send-keys to the first capture-pane that shows the new selection (polled every {KeyLatencyProbe.PollInterval.TotalMilliseconds:0} ms through one control-mode client); ours: j selects the group row below the flood, k the flood again; pm2 monit: Down and Up");
    }

    public TimeSpan IdleWindow { get; }

    public int Keys { get; }

    public FigureRow IdleKeys { get; }

    public IEnumerable<FigureRow> Idle => [_idleCpu, _idleBytes, IdleKeys];

    public TuiFloodRows AttachedFile { get; }

    public TuiFloodRows AttachedNone { get; }

    public TuiFloodRows InProcess { get; }

    /// <param name="warmUp">The first minutes after the TUI showed its table, before <paramref name="window"/>.</param>
    public void SetIdle(string subject, UsageWindow.Result warmUp, UsageWindow.Result window, bool countedByTerminal = false)
    {
        _idleCpu.Values[subject] = new Samples([window.TuiCpuPerMinute]);
        _idleBytes.Values[subject] = new Samples([countedByTerminal ? window.ReceivedPerSecond : window.WrittenPerSecond]);
        _idleCpu.Remarks.Add(string.Create(CultureInfo.InvariantCulture, $"{subject}: load average {window.Load}; the engine meanwhile {ResultTable.Number(window.EngineCpuPerMinute)} s per minute, tmux {ResultTable.Number(window.TmuxCpuPerMinute)}"));
        _idleCpu.Remarks.Add(string.Create(CultureInfo.InvariantCulture, $"{subject}: over the {TuiScenario.IdleWarmUp.TotalSeconds:0} s before the window the TUI used {ResultTable.Number(warmUp.TuiCpuPerMinute)} s per minute (load average {warmUp.Load})"));
        _idleBytes.Remarks.Add(Bytes(subject, [window], countedByTerminal));
    }

    public static string Bytes(string subject, IReadOnlyList<UsageWindow.Result> windows, bool countedByTerminal) =>
        $"{subject}: {(countedByTerminal ? "tmux received" : "the process wrote (wchar)")} {Join(windows, countedByTerminal ? w => w.ReceivedPerSecond : w => w.WrittenPerSecond)} B/s; {(countedByTerminal ? "the process wrote (wchar)" : "tmux received")} {Join(windows, countedByTerminal ? w => w.WrittenPerSecond : w => w.ReceivedPerSecond)}";

    private static string Join(IEnumerable<UsageWindow.Result> windows, Func<UsageWindow.Result, double> figure) =>
        string.Join(", ", windows.Select(w => ResultTable.Number(figure(w))));
}
