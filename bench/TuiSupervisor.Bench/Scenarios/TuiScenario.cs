using System.Globalization;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// The TUI in a real terminal (a 120×40 tmux pane): its CPU and the bytes it writes to the
/// terminal with 100 sleeping children shown and nothing printing, then with a child printing
/// 100,000 lines a second selected in the log pane, and how long a key takes to reach the screen.
/// The TUI is <c>attach</c> on a headless engine, so its cost is a process of its own; once more
/// in-process (<c>tuisupervisor -c CONFIG</c>), for the keys. Ours only: supervisord has no TUI
/// (pm2's <c>monit</c> is <see cref="Pm2MonitRun"/>).
/// </summary>
internal sealed class TuiScenario : IScenario
{
    public const int Sleepers = 100;
    public const int FloodLinesPerSecond = 100_000;
    public const int Width = 120;
    public const int Height = 40;

    /// <summary>The flood's log file rotates here, one backup: a run holds at most 100 MiB of it.</summary>
    private const long FloodLogMaxBytes = 50L << 20;

    /// <summary>Before the idle window: the JIT's tier-up of the once-a-second redraw takes over a minute (measured: 0.5 s of CPU a minute until then, 0.1 after).</summary>
    public static readonly TimeSpan IdleWarmUp = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public string Name => "tui";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var idleWindow = TimeSpan.FromSeconds(context.Options.Quick ? 15 : 60);
        var floodWindow = TimeSpan.FromSeconds(context.Options.Quick ? 15 : 20);
        var keys = context.Options.Quick ? 10 : 30;
        var rows = new TuiRows(table, idleWindow, floodWindow, context.Repeats, keys);
        var ours = context.Subjects.First(s => s.Name == "ours");
        var random = new Random(8);

        await NoteFailureAsync("ours", rows.Idle.Concat(rows.AttachedFile.All), () => AttachedAsync(context, ours, logToFile: true, rows.AttachedFile, rows, random)).ConfigureAwait(false);
        await NoteFailureAsync("ours", rows.AttachedNone.All, () => AttachedAsync(context, ours, logToFile: false, rows.AttachedNone, null, random)).ConfigureAwait(false);
        await NoteFailureAsync("ours", rows.InProcess.All, () => InProcessAsync(context, rows.InProcess, random)).ConfigureAwait(false);
        if (context.Subjects.FirstOrDefault(s => s.Name == "pm2") is { } pm2)
            await NoteFailureAsync("pm2", rows.Idle.Concat(rows.AttachedFile.All), () => new Pm2MonitRun(context, pm2).RunAsync(rows, random)).ConfigureAwait(false);
    }

    /// <summary>Runs one part; when it fails or is skipped, its rows say why for <paramref name="subject"/> and the other parts still run.</summary>
    private static async Task NoteFailureAsync(string subject, IEnumerable<FigureRow> rows, Func<Task> run)
    {
        if (await SubjectRuns.TryAsync(run).ConfigureAwait(false) is not { } note)
            return;
        foreach (var row in rows)
            row.Notes[subject] = note;
    }

    /// <summary>
    /// The programs of every run: the flooding child, first in the table, which waits for
    /// SIGUSR1 (<see cref="StartFloodAsync"/>) so that it is RUNNING and quiet while the idle
    /// figures are taken; and the sleepers.
    /// </summary>
    public static BenchProgram[] Programs(ScenarioContext context, string folder, bool logToFile) =>
    [
        new BenchProgram("flood", [context.Helper.Required, "flood", FloodLinesPerSecond.ToString(CultureInfo.InvariantCulture), FloodStats(folder)])
        {
            StdoutLog = logToFile ? Path.Combine(folder, "flood.log") : null,
            StdoutLogMaxBytes = FloodLogMaxBytes,
            StdoutLogBackups = 1,
        },
        new BenchProgram("sleeper", [context.Helper.Required, "sleep"]) { NumProcs = Sleepers, AutoRestart = false },
    ];

    public static string FloodStats(string folder) => Path.Combine(folder, "flood.stats");

    /// <summary>Ours: j selects the group row below the flood (its log pane says so), k the flood again.</summary>
    private static KeyLatencyProbe OurKeys(TmuxServer tmux) =>
        new(tmux, new KeyLatencyProbe.Step("j", $"sleeper: {Sleepers} processes"), new KeyLatencyProbe.Step("k", "─ flood · "));

    /// <summary>Sends the flooding child its SIGUSR1, waits until it has printed, then lets the follow settle.</summary>
    public static async Task StartFloodAsync(string folder)
    {
        var stats = FloodStats(folder);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(stats) || File.ReadAllText(stats).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the flooding child wrote no stats file in 30 s");
            await Task.Delay(50).ConfigureAwait(false);
        }

        Posix.UserSignal1(int.Parse(File.ReadAllText(stats).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture));
        while (File.ReadAllText(stats).TrimStart().StartsWith("0 ", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the flooding child printed nothing in 30 s");
            await Task.Delay(50).ConfigureAwait(false);
        }

        await Task.Delay(Settle).ConfigureAwait(false);
    }

    /// <summary>
    /// One headless engine and <c>attach</c> in tmux: idle first (when <paramref name="idle"/> is
    /// given), then the flood selected; the flood's figures go to <paramref name="flood"/>.
    /// </summary>
    private static async Task AttachedAsync(ScenarioContext context, ISubject ours, bool logToFile, TuiFloodRows flood, TuiRows? idle, Random random)
    {
        var folder = context.NewScratch(logToFile ? "tui-file" : "tui-none");
        await using (var engine = await ours.StartAsync(folder, Programs(context, folder, logToFile)).ConfigureAwait(false))
        {
            await ScenarioContext.WaitAllRunningAsync(engine, Sleepers + 1, TimeSpan.FromMinutes(3)).ConfigureAwait(false);
            var config = Ours.ConfigFile(folder);
            await using var tmux = await TmuxServer.StartAsync([context.Options.Product, "attach", "-c", config], Width, Height, folder).ConfigureAwait(false);
            await tmux.WaitForScreenAsync(s => s.Contains("sleeper_000", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the process table").ConfigureAwait(false);
            var probe = OurKeys(tmux);
            if (idle is not null)
            {
                ScenarioContext.Progress("  attached, idle");
                var warmUp = await UsageWindow.MeasureAsync(tmux, engine.EnginePid, null, IdleWarmUp).ConfigureAwait(false);
                idle.SetIdle("ours", warmUp, await UsageWindow.MeasureAsync(tmux, engine.EnginePid, null, idle.IdleWindow).ConfigureAwait(false));
                idle.IdleKeys.Values["ours"] = new Samples(await probe.MeasureAsync(idle.Keys, random).ConfigureAwait(false));
            }

            ScenarioContext.Progress($"  attached, flood, log {(logToFile ? "to a file" : "NONE")}");
            await StartFloodAsync(folder).ConfigureAwait(false);
            var windows = new List<UsageWindow.Result>();
            for (var i = 0; i < flood.Repeats; i++)
                windows.Add(await UsageWindow.MeasureAsync(tmux, engine.EnginePid, FloodStats(folder), flood.Window).ConfigureAwait(false));
            flood.Set("ours", windows, await probe.MeasureAsync(flood.Keys, random).ConfigureAwait(false), countedByTerminal: false);
        }

        ScenarioContext.RemoveScratch(folder);
    }

    /// <summary>The TUI with its own engine: the same flood, for the keys and the one process's CPU.</summary>
    private static async Task InProcessAsync(ScenarioContext context, TuiFloodRows flood, Random random)
    {
        ScenarioContext.Progress("  in-process, flood, log to a file");
        var folder = context.NewScratch("tui-inprocess");
        var config = Ours.WriteConfig(folder, Programs(context, folder, logToFile: true));
        await using (var tmux = await TmuxServer.StartAsync([context.Options.Product, "-c", config], Width, Height, folder).ConfigureAwait(false))
        {
            await tmux.WaitForScreenAsync(s => s.Contains($"{Sleepers + 1} running", StringComparison.Ordinal), TimeSpan.FromMinutes(3), $"{Sleepers + 1} running").ConfigureAwait(false);
            await StartFloodAsync(folder).ConfigureAwait(false);
            var windows = new List<UsageWindow.Result>();
            for (var i = 0; i < flood.Repeats; i++)
                windows.Add(await UsageWindow.MeasureAsync(tmux, tmux.PanePid, FloodStats(folder), flood.Window).ConfigureAwait(false));
            flood.Set("ours", windows, await OurKeys(tmux).MeasureAsync(flood.Keys, random).ConfigureAwait(false), countedByTerminal: true);

            // SIGTERM: the TUI restores the terminal and stops every process, as on a closed terminal.
            var pid = tmux.PanePid;
            Posix.Terminate(pid);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline)
                await Task.Delay(100).ConfigureAwait(false);
        }

        ScenarioContext.RemoveScratch(folder);
    }
}
