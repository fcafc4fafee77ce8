using System.Diagnostics;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// From exec to the first answer to `status` (ours: written on the headless shell's stdin at once;
/// supervisord: XML-RPC polled until its socket answers; pm2: its CLI, which starts the daemon), and
/// the supervisor's RSS with one program defined and none running.
/// </summary>
internal sealed class StartupScenario : IScenario
{
    public string Name => "startup";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var firstAnswer = table.Add(new FigureRow("exec to first status answer", "ms", "< 100 ms"));
        var rss = table.Add(new FigureRow("RSS with no programs running", "MiB", "≤ supervisord"));
        var repeats = context.Options.Quick ? 3 : 10;
        await SubjectRuns.EachAsync(context, [firstAnswer, rss], async subject =>
        {
            var times = new List<double>();
            var sizes = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                var (milliseconds, mib) = await MeasureAsync(context, subject).ConfigureAwait(false);
                times.Add(milliseconds);
                sizes.Add(mib);
            }

            return [times, sizes];
        }).ConfigureAwait(false);
        var note = await SubjectRuns.TryAsync(async () =>
        {
            var times = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await Tools.Command.RunCheckedAsync(context.Options.Product, ["--version"], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                times.Add(ScenarioContext.MillisecondsSince(start));
            }

            firstAnswer.Reference = new Samples(times);
        }).ConfigureAwait(false);
        firstAnswer.Remarks.Add(note is null ? "the reference is `tuisupervisor --version` from exec to exit: the .NET runtime's start-up with our executable, the floor under any answer" : "reference " + note);
        rss.Remarks.Add("one program defined with autostart off, 1 s after the first answer; the .NET runtime's floor for an empty program is about 28 MiB here (issue 8)");
    }

    private static async Task<(double Milliseconds, double MiB)> MeasureAsync(ScenarioContext context, ISubject subject)
    {
        var folder = context.NewScratch($"startup-{subject.Name}");
        var idle = new BenchProgram("idle", ["/bin/sleep", "1000"]) { AutoStart = false };
        double milliseconds, mib;
        await using (var supervisor = await subject.StartAsync(folder, [idle]).ConfigureAwait(false))
        {
            var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
            while ((await supervisor.StatusAsync().ConfigureAwait(false)).Count == 0)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new TimeoutException("no status answer in 30 s");
                await Task.Delay(2).ConfigureAwait(false);
            }

            milliseconds = ScenarioContext.MillisecondsSince(supervisor.StartedAt);
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            mib = ProcessProbe.RssMiB(supervisor.EnginePid);
        }

        ScenarioContext.RemoveScratch(folder);
        return (milliseconds, mib);
    }
}
