using System.Diagnostics;
using System.Globalization;
using TuiSupervisor.Bench.Subjects;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>What every scenario needs: the options, the subjects, the helper and scratch folders.</summary>
internal sealed class ScenarioContext(BenchOptions options, IReadOnlyList<ISubject> subjects, BenchHelper helper, string resultsFolder)
{
    private int _scratchCount;

    public BenchOptions Options => options;

    public IReadOnlyList<ISubject> Subjects => subjects;

    public BenchHelper Helper => helper;

    public string ResultsFolder => resultsFolder;

    /// <summary>How many times a whole-run figure is repeated: once in quick mode, three times otherwise.</summary>
    public int Repeats => options.Quick ? 1 : 3;

    /// <summary>A fresh, empty folder for one run; deleted by <see cref="RemoveScratch"/>.</summary>
    public string NewScratch(string label)
    {
        var folder = Path.Combine(resultsFolder, "scratch", $"{label}-{Interlocked.Increment(ref _scratchCount)}");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void RemoveScratch(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A child still closing a file: the folder is under bench/results, ignored by git.
        }
    }

    public static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));

    public static double MillisecondsSince(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;

    /// <summary>
    /// Polls until <paramref name="count"/> processes are RUNNING and returns the Stopwatch
    /// timestamp of the poll that first saw it.
    /// </summary>
    public static async Task<long> WaitAllRunningAsync(IRunningSupervisor supervisor, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var statuses = await supervisor.StatusAsync().ConfigureAwait(false);
            var now = Stopwatch.GetTimestamp();
            if (statuses.Count(s => s.IsRunning) >= count)
                return now;
            if (now > deadline)
                throw new TimeoutException($"{statuses.Count(s => s.IsRunning)} of {count} RUNNING after {timeout.TotalSeconds} s");
            await Task.Delay(5).ConfigureAwait(false);
        }
    }
}
