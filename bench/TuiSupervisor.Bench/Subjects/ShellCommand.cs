namespace TuiSupervisor.Bench.Subjects;

/// <summary>A command line, as run from a shell, with the environment it needs.</summary>
internal sealed record ShellCommand(string Program, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string>? Environment = null);
