using System.Globalization;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>200 processes of one program (numprocs), from the supervisor's exec to all RUNNING; the reference posix_spawns 200 sleepers.</summary>
internal sealed class SpawnScenario : IScenario
{
    private const int Count = 200;

    public string Name => "spawn";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var row = table.Add(new FigureRow($"spawn {Count} to all RUNNING", "s", "≤ 2× reference"));
        await SubjectRuns.EachAsync(context, [row], async subject =>
        {
            var times = new List<double>();
            for (var i = 0; i < context.Repeats; i++)
                times.Add(await MeasureAsync(context, subject).ConfigureAwait(false));
            return [times];
        }).ConfigureAwait(false);

        var note = await SubjectRuns.TryAsync(async () =>
        {
            var times = new List<double>();
            for (var i = 0; i < context.Repeats; i++)
            {
                var output = await Tools.Command.RunCheckedAsync(context.Helper.Required, ["spawn", Count.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(1)).ConfigureAwait(false);
                times.Add(long.Parse(output.Trim(), CultureInfo.InvariantCulture) / 1e9);
            }

            row.Reference = new Samples(times);
        }).ConfigureAwait(false);
        if (note is not null)
            row.Remarks.Add("reference " + note);
    }

    private static async Task<double> MeasureAsync(ScenarioContext context, ISubject subject)
    {
        var folder = context.NewScratch($"spawn-{subject.Name}");
        var sleepers = new BenchProgram("sleeper", [context.Helper.Required, "sleep"]) { NumProcs = Count, AutoRestart = false };
        double seconds;
        await using (var supervisor = await subject.StartAsync(folder, [sleepers]).ConfigureAwait(false))
        {
            var allRunning = await ScenarioContext.WaitAllRunningAsync(supervisor, Count, TimeSpan.FromMinutes(3)).ConfigureAwait(false);
            seconds = (allRunning - supervisor.StartedAt) / (double)System.Diagnostics.Stopwatch.Frequency;
        }

        ScenarioContext.RemoveScratch(folder);
        return seconds;
    }
}
