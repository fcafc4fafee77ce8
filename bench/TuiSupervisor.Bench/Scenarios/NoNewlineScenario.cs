using System.Diagnostics;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// Fault: a child writing 1 GiB (64 MiB with --quick) without a newline. Expected: the engine's RSS
/// stays bounded (it streams, never holds the line) and every byte is in the log.
/// </summary>
internal sealed class NoNewlineScenario : IScenario
{
    public string Name => "nonewline";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        long bytes = context.Options.Quick ? 64L << 20 : 1L << 30;
        var row = table.Add(new FigureRow($"fault: {bytes >> 20} MiB without newline, peak RSS − RSS before", "MiB", "bounded (≪ the line)"));
        var ours = context.Subjects.First(s => s.Name == "ours");
        var note = await SubjectRuns.TryAsync(async () =>
        {
            var folder = context.NewScratch("nonewline");
            var log = Path.Combine(folder, "flood.log");
            var flood = new BenchProgram("flood", ["/bin/sh", "-c", $"head -c {bytes} /dev/zero | tr '\\000' x; exec sleep 1000"]) { StdoutLog = log };
            double before, peak = 0;
            await using (var supervisor = await ours.StartAsync(folder, [flood]).ConfigureAwait(false))
            {
                await ScenarioContext.WaitAllRunningAsync(supervisor, 1, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                before = ProcessProbe.RssMiB(supervisor.EnginePid);
                var deadline = Stopwatch.GetTimestamp() + (600 * Stopwatch.Frequency);
                while (!File.Exists(log) || new FileInfo(log).Length < bytes)
                {
                    if (Stopwatch.GetTimestamp() > deadline)
                        throw new TimeoutException("the log did not reach its size in 600 s");
                    peak = Math.Max(peak, ProcessProbe.RssMiB(supervisor.EnginePid));
                    await Task.Delay(20).ConfigureAwait(false);
                }

                peak = Math.Max(peak, ProcessProbe.RssMiB(supervisor.EnginePid));
                var status = await supervisor.StatusAsync().ConfigureAwait(false);
                row.Remarks.Add($"after the flood the engine answers status: {string.Join(", ", status.Select(s => $"{s.Name} {s.State}"))}");
            }

            row.Values["ours"] = new Samples([peak - before]);
            row.Remarks.Add($"RSS before {before:0.0} MiB, peak {peak:0.0} MiB; every byte in the log: {(AllX(log, bytes) ? "yes" : "NO")}");
            ScenarioContext.RemoveScratch(folder);
        }).ConfigureAwait(false);
        if (note is not null)
            row.Notes["ours"] = note;
    }

    private static bool AllX(string path, long bytes)
    {
        if (new FileInfo(path).Length != bytes)
            return false;
        using var file = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)'x'))
                return false;
        }

        return true;
    }
}
