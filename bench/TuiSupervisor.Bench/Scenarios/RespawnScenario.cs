using System.Globalization;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// A child that runs 2 s and exits 1: the time from its exit to the next instance's first
/// instruction, both stamped by the child itself with the monotonic clock. The reference is a C
/// loop that forks, execs and waits.
/// </summary>
internal sealed class RespawnScenario : IScenario
{
    private const int RunMilliseconds = 2000;

    public string Name => "respawn";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var cycles = context.Options.Quick ? 5 : 20;
        var median = table.Add(new FigureRow($"respawn latency, median of {cycles}", "ms", "≤ 5× reference"));
        var p90 = table.Add(new FigureRow($"respawn latency, p90 of {cycles}", "ms", "≤ 5× reference"));
        await SubjectRuns.EachAsync(context, [median, p90], async subject =>
        {
            var latencies = await MeasureAsync(context, subject, cycles).ConfigureAwait(false);
            return [latencies, [new Samples(latencies).Percentile(90)]];
        }).ConfigureAwait(false);

        var note = await SubjectRuns.TryAsync(async () =>
        {
            var folder = context.NewScratch("respawn-reference");
            var stamps = Path.Combine(folder, "stamps");
            await Tools.Command.RunCheckedAsync(context.Helper.Required, ["respawnloop", (cycles + 1).ToString(CultureInfo.InvariantCulture), stamps], TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            var latencies = Latencies(stamps);
            median.Reference = new Samples(latencies);
            p90.Reference = new Samples([median.Reference.Percentile(90)]);
            ScenarioContext.RemoveScratch(folder);
        }).ConfigureAwait(false);
        if (note is not null)
            median.Remarks.Add("reference " + note);
        if (!context.Helper.Available)
            median.Remarks.Add("the probe is a shell script stamping with date +%s%N (no C compiler): each stamp costs a fork");
    }

    private static async Task<List<double>> MeasureAsync(ScenarioContext context, ISubject subject, int cycles)
    {
        var folder = context.NewScratch($"respawn-{subject.Name}");
        var stamps = Path.Combine(folder, "stamps");
        var probe = new BenchProgram("probe", context.Helper.RespawnProbe(stamps, RunMilliseconds)) { StartSecs = 1 };
        await using (var supervisor = await subject.StartAsync(folder, [probe]).ConfigureAwait(false))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30 + (cycles * 4));
            while (Starts(stamps) <= cycles)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{Starts(stamps)} starts of {cycles + 1} before the deadline");
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        var latencies = Latencies(stamps);
        ScenarioContext.RemoveScratch(folder);
        return [.. latencies.Take(cycles)];
    }

    private static int Starts(string stamps) =>
        File.Exists(stamps) ? File.ReadLines(stamps).Count(l => l.StartsWith("start ", StringComparison.Ordinal)) : 0;

    /// <summary>Each "exit" stamp paired with the "start" that follows it, in milliseconds.</summary>
    private static List<double> Latencies(string stamps)
    {
        var latencies = new List<double>();
        long? exit = null;
        foreach (var line in File.ReadLines(stamps))
        {
            var parts = line.Split(' ');
            var nanoseconds = long.Parse(parts[1], CultureInfo.InvariantCulture);
            if (parts[0] == "exit")
                exit = nanoseconds;
            else if (exit is { } exited)
            {
                latencies.Add((nanoseconds - exited) / 1e6);
                exit = null;
            }
        }

        return latencies;
    }
}
