namespace TuiSupervisor.Bench.Tools;

/// <summary>
/// The C child program and physical references (Helpers/benchhelper.c), compiled with cc into the
/// results folder. Without a C compiler the respawn probe falls back to a shell script and the
/// scenarios that need the helper say so and are skipped.
/// </summary>
internal sealed class BenchHelper
{
    private BenchHelper(string? path) => Path = path;

    /// <summary>The compiled helper, or null when no C compiler was found.</summary>
    public string? Path { get; }

    public bool Available => Path is not null;

    public string Required => Path ?? throw new SkipException("needs a C compiler (cc) for the helper program");

    public static async Task<BenchHelper> BuildAsync(string resultsFolder)
    {
        var cc = Command.Find("cc") ?? Command.Find("gcc");
        if (cc is null)
            return new BenchHelper(null);
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Helpers", "benchhelper.c");
        var output = System.IO.Path.Combine(resultsFolder, "benchhelper");
        await Command.RunCheckedAsync(cc, ["-O2", "-Wall", "-o", output, source], TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        return new BenchHelper(output);
    }

    /// <summary>
    /// The respawn probe: records its start, runs <paramref name="milliseconds"/>, records its
    /// exit and exits 1. The shell fallback reads the realtime clock through date, which is
    /// coarser (a fork for each stamp) but consistent between the two stamps it compares.
    /// </summary>
    public IReadOnlyList<string> RespawnProbe(string stampFile, int milliseconds) =>
        Path is not null
            ? [Path, "respawn", stampFile, milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"]
            : ["/bin/sh", "-c", $"echo start $(date +%s%N) >> {stampFile}; sleep {milliseconds / 1000.0:0.###}; echo exit $(date +%s%N) >> {stampFile}; exit 1"];
}
