using System.Diagnostics;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>100 processes that take 1 s to exit after SIGTERM, stopped together: the ideal is 1 s.</summary>
internal sealed class StopAllScenario : IScenario
{
    private const int Count = 100;

    public string Name => "stopall";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var row = table.Add(new FigureRow($"stop all {Count} (each takes 1 s after SIGTERM)", "s", "≤ 1.05× ideal"));
        row.Reference = new Samples([1.0]);
        row.Remarks.Add("the reference is the ideal: every process's own 1 s, all in parallel");
        await SubjectRuns.EachAsync(context, [row], async subject =>
        {
            var times = new List<double>();
            for (var i = 0; i < context.Repeats; i++)
                times.Add(await MeasureAsync(context, subject).ConfigureAwait(false));
            return [times];
        }).ConfigureAwait(false);
    }

    private static async Task<double> MeasureAsync(ScenarioContext context, ISubject subject)
    {
        var folder = context.NewScratch($"stopall-{subject.Name}");
        var slow = new BenchProgram("slow", [context.Helper.Required, "slowterm", "1000"]) { NumProcs = Count, AutoRestart = false, StopWaitSecs = 10 };
        double seconds;
        await using (var supervisor = await subject.StartAsync(folder, [slow]).ConfigureAwait(false))
        {
            await ScenarioContext.WaitAllRunningAsync(supervisor, Count, TimeSpan.FromMinutes(3)).ConfigureAwait(false);
            var start = Stopwatch.GetTimestamp();
            await supervisor.StopAllAsync().ConfigureAwait(false);
            seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var left = (await supervisor.StatusAsync().ConfigureAwait(false)).Count(s => s.Pid is not null);
            if (left > 0)
                throw new InvalidOperationException($"{left} processes still have a PID after stop all returned");
        }

        ScenarioContext.RemoveScratch(folder);
        return seconds;
    }
}
