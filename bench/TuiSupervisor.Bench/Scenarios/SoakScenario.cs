using System.Globalization;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// Our engine with a child that crashes every second, for <c>--soak-minutes</c> (default 60): RSS
/// and open descriptors sampled every minute (ten times over a shorter run), flat or not.
/// </summary>
internal sealed class SoakScenario : IScenario
{
    public string Name => "soak";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var duration = TimeSpan.FromMinutes(context.Options.SoakMinutes);
        var interval = TimeSpan.FromSeconds(Math.Min(60, duration.TotalSeconds / 10));
        var rssGrowth = table.Add(new FigureRow($"soak {context.Options.SoakMinutes:0.#} min, a crash a second: RSS last − first", "MiB", "flat"));
        var fdGrowth = table.Add(new FigureRow("soak: open descriptors last − first", "fds", "flat (0)"));
        var ours = context.Subjects.First(s => s.Name == "ours");
        var note = await SubjectRuns.TryAsync(async () =>
        {
            var folder = context.NewScratch("soak");
            var crasher = new BenchProgram("crasher", context.Helper.RespawnProbe("/dev/null", 1000)) { StartSecs = 0 };
            var rss = new List<double>();
            var fds = new List<int>();
            int restarts;
            await using (var supervisor = await ours.StartAsync(folder, [crasher]).ConfigureAwait(false))
            {
                await ScenarioContext.WaitAllRunningAsync(supervisor, 1, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                var end = DateTime.UtcNow + duration;
                while (DateTime.UtcNow < end)
                {
                    await Task.Delay(interval).ConfigureAwait(false);
                    rss.Add(ProcessProbe.RssMiB(supervisor.EnginePid));
                    fds.Add(ProcessProbe.OpenDescriptors(supervisor.EnginePid));
                    ScenarioContext.Progress($"  soak: RSS {rss[^1]:0.0} MiB, {fds[^1]} fds");
                }

                restarts = File.ReadLines(Path.Combine(folder, "supervisor.log")).Count(l => l.Contains("spawned: 'crasher'", StringComparison.Ordinal));
            }

            // The first sample still holds start-up growth (JIT, pools warming up); flat is judged after it.
            var first = rss.Count > 2 ? 1 : 0;
            var rssFlat = rss[^1] - rss[first] <= Math.Max(2, rss[first] * 0.05);
            var fdsFlat = fds[^1] == fds[first];
            rssGrowth.Values["ours"] = new Samples([rss[^1] - rss[0]]);
            fdGrowth.Values["ours"] = new Samples([fds[^1] - fds[0]]);
            rssGrowth.Remarks.Add(string.Create(CultureInfo.InvariantCulture, $"{restarts} spawns; RSS MiB every {interval.TotalSeconds:0} s: {string.Join(' ', rss.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))}"));
            rssGrowth.Remarks.Add($"open fds: {string.Join(' ', fds)}; after the first sample, RSS flat: {(rssFlat ? "yes" : "NO")}, fds flat: {(fdsFlat ? "yes" : "NO")}");
            ScenarioContext.RemoveScratch(folder);
        }).ConfigureAwait(false);
        if (note is not null)
            rssGrowth.Notes["ours"] = note;
    }
}
