namespace TuiSupervisor.Bench.Subjects;

/// <summary>
/// One program of a scenario, in the terms every supervisor understands; each subject writes it in
/// its own config format. <paramref name="StdoutLog"/> null means output is discarded; a
/// <see cref="StdoutLogMaxBytes"/> of 0 means the log is never rotated.
/// </summary>
internal sealed record BenchProgram(string Name, IReadOnlyList<string> Command)
{
    public int NumProcs { get; init; } = 1;
    public bool AutoStart { get; init; } = true;
    public bool AutoRestart { get; init; } = true;
    public double StartSecs { get; init; }
    public int StopWaitSecs { get; init; } = 10;
    public string? StdoutLog { get; init; }
    public long StdoutLogMaxBytes { get; init; }
    public int StdoutLogBackups { get; init; }

    /// <summary>The names of its processes, as supervisorctl shows them (NAME, or NAME:NAME_NNN with numprocs).</summary>
    public IEnumerable<string> ProcessNames =>
        NumProcs == 1 ? [Name] : Enumerable.Range(0, NumProcs).Select(i => $"{Name}:{ProcessName(i)}");

    public string ProcessName(int index) => NumProcs == 1 ? Name : $"{Name}_{index:000}";
}
