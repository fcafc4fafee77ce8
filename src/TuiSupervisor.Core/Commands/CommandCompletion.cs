using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Commands;

/// <summary>Tab completion of a command line, for the shell's prompt and the TUI's <c>:</c> palette.</summary>
public static class CommandCompletion
{
    /// <summary>The words that may complete the last word of <paramref name="before"/>: a command name first, then <c>all</c>, process and group names.</summary>
    public static IReadOnlyList<string> Candidates(string before, IEnumerable<ProcessSnapshot> processes)
    {
        ArgumentNullException.ThrowIfNull(before);
        var words = before.Split(' ');
        var last = words[^1];
        IEnumerable<string> candidates = words.Length == 1
            ? CommandInterpreter.CommandNames
            : ["all", .. processes.SelectMany(p => new[] { p.FullName, p.Group + ":*" }).Distinct()];
        return [.. candidates.Where(c => c.StartsWith(last, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
