using System.Diagnostics;
using System.Globalization;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// A child writing 100-byte lines to stdout, captured to a log file: from the child's first
/// instruction (its own stamp) until the log holds every byte, then every byte is checked. The
/// references are the same child through a pipe copied 1 MiB at a time, and straight to a file.
/// </summary>
internal sealed class LogThroughputScenario : IScenario
{
    public string Name => "logs";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var mib = context.Options.Quick ? 64 : 512;
        // Whole 100-byte lines: the helper writes no partial line.
        var bytes = mib * 1024L * 1024 / 100 * 100;
        var viaPipe = table.Add(new FigureRow($"log capture {mib} MiB, against pipe + 1 MiB copy", "MB/s", "≥ 0.8× reference, every byte", lowerIsBetter: false));
        var direct = table.Add(new FigureRow($"log capture {mib} MiB, against direct to file", "MB/s", "–", lowerIsBetter: false));
        await SubjectRuns.EachAsync(context, [viaPipe, direct], async subject =>
        {
            var rates = new List<double>();
            for (var i = 0; i < context.Repeats; i++)
                rates.Add(await MeasureAsync(context, subject, bytes, viaPipe).ConfigureAwait(false));
            return [rates, rates];
        }).ConfigureAwait(false);

        var note = await SubjectRuns.TryAsync(async () =>
        {
            var pipeRates = new List<double>();
            var directRates = new List<double>();
            for (var i = 0; i < context.Repeats; i++)
            {
                pipeRates.Add(await PipeCopyAsync(context, bytes).ConfigureAwait(false));
                directRates.Add(await DirectAsync(context, bytes).ConfigureAwait(false));
            }

            viaPipe.Reference = new Samples(pipeRates);
            direct.Reference = new Samples(directRates);
        }).ConfigureAwait(false);
        if (note is not null)
            viaPipe.Remarks.Add("reference " + note);
    }

    private static async Task<double> MeasureAsync(ScenarioContext context, ISubject subject, long bytes, FigureRow row)
    {
        var folder = context.NewScratch($"logs-{subject.Name}");
        var stamp = Path.Combine(folder, "stamp");
        var log = Path.Combine(folder, "out.log");
        var writer = new BenchProgram("writer", [context.Helper.Required, "lines", bytes.ToString(CultureInfo.InvariantCulture), stamp]) { AutoRestart = false, StdoutLog = log };
        long done;
        await using (var supervisor = await subject.StartAsync(folder, [writer]).ConfigureAwait(false))
        {
            var deadline = Stopwatch.GetTimestamp() + (300 * Stopwatch.Frequency);
            while (!File.Exists(log) || new FileInfo(log).Length < bytes)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                    throw new TimeoutException($"{(File.Exists(log) ? new FileInfo(log).Length : 0)} of {bytes} bytes in the log after 300 s");
                await Task.Delay(1).ConfigureAwait(false);
            }

            done = Stopwatch.GetTimestamp();
        }

        var complete = LineStream.Verify(log, bytes);
        row.Remarks.Add($"{subject.Name}: every byte in the log: {(complete is null ? "yes" : "NO, " + complete)}");
        var rate = Rate(bytes, done - StartStamp(stamp));
        ScenarioContext.RemoveScratch(folder);
        return rate;
    }

    private static async Task<double> PipeCopyAsync(ScenarioContext context, long bytes)
    {
        var folder = context.NewScratch("logs-pipecopy");
        var output = await Tools.Command.RunCheckedAsync(context.Helper.Required, ["pipecopy", Path.Combine(folder, "out.log"), bytes.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        ScenarioContext.RemoveScratch(folder);
        return Rate(bytes, long.Parse(output.Trim(), CultureInfo.InvariantCulture));
    }

    private static async Task<double> DirectAsync(ScenarioContext context, long bytes)
    {
        var folder = context.NewScratch("logs-direct");
        var stamp = Path.Combine(folder, "stamp");
        await Tools.Command.RunCheckedAsync("/bin/sh", ["-c", $"exec '{context.Helper.Required}' lines {bytes} '{stamp}' > '{folder}/out.log'"], TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        var done = Stopwatch.GetTimestamp();
        var rate = Rate(bytes, done - StartStamp(stamp));
        ScenarioContext.RemoveScratch(folder);
        return rate;
    }

    /// <summary>The child's "start NS" stamp: CLOCK_MONOTONIC, the clock of Stopwatch on Linux (whose ticks are nanoseconds).</summary>
    private static long StartStamp(string file) => long.Parse(File.ReadAllText(file).Split(' ')[1].Trim(), CultureInfo.InvariantCulture);

    private static double Rate(long bytes, long nanoseconds) => bytes / 1e6 / (nanoseconds / 1e9);
}
