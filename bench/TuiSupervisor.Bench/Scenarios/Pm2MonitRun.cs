using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// pm2's curses monitor, <c>pm2 monit</c>, the nearest thing a peer has to our TUI: the same
/// programs (the flooding app first, so it is the selected one; its log to a file, which pm2 does
/// not rotate: a run writes at most ~600 MB), the same terminal, measured as our attached TUI
/// is (the monitor is a client of pm2's daemon, as <c>attach</c> is of our engine).
/// </summary>
internal sealed class Pm2MonitRun(ScenarioContext context, ISubject pm2)
{
    public async Task RunAsync(TuiRows rows, Random random)
    {
        ScenarioContext.Progress("  pm2 monit, idle");
        var folder = context.NewScratch("tui-pm2");
        await using (var running = await pm2.StartAsync(folder, TuiScenario.Programs(context, folder, logToFile: true)).ConfigureAwait(false))
        {
            await ScenarioContext.WaitAllRunningAsync(running, TuiScenario.Sleepers + 1, TimeSpan.FromMinutes(3)).ConfigureAwait(false);
            // The command and PM2_HOME of `pm2 status` are those of every pm2 command of this run.
            var pm2Command = running.StatusCommand;
            await using var tmux = await TmuxServer.StartAsync([pm2Command.Program, "monit"], TuiScenario.Width, TuiScenario.Height, folder, pm2Command.Environment).ConfigureAwait(false);
            var keys = new KeyLatencyProbe(tmux, new KeyLatencyProbe.Step("Down", " sleeper:sleeper_000 Logs "), new KeyLatencyProbe.Step("Up", " flood Logs "));
            await tmux.WaitForScreenAsync(s => s.Contains(" flood Logs ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "pm2 monit with the flood selected").ConfigureAwait(false);
            var warmUp = await UsageWindow.MeasureAsync(tmux, running.EnginePid, null, TuiScenario.IdleWarmUp).ConfigureAwait(false);
            rows.SetIdle("pm2", warmUp, await UsageWindow.MeasureAsync(tmux, running.EnginePid, null, rows.IdleWindow).ConfigureAwait(false), countedByTerminal: true);
            rows.IdleKeys.Values["pm2"] = new Samples(await keys.MeasureAsync(rows.Keys, random).ConfigureAwait(false));

            ScenarioContext.Progress("  pm2 monit, flood, log to a file");
            await TuiScenario.StartFloodAsync(folder).ConfigureAwait(false);
            var flood = rows.AttachedFile;
            var windows = new List<UsageWindow.Result>();
            for (var i = 0; i < flood.Repeats; i++)
                windows.Add(await UsageWindow.MeasureAsync(tmux, running.EnginePid, TuiScenario.FloodStats(folder), flood.Window).ConfigureAwait(false));
            flood.Set("pm2", windows, await keys.MeasureAsync(flood.Keys, random).ConfigureAwait(false), countedByTerminal: true);
        }

        ScenarioContext.RemoveScratch(folder);
    }
}
