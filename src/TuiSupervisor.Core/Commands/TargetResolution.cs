using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Commands;

/// <summary>A command's targets resolved, in the order given (see <see cref="TargetResolver.Resolve"/>).</summary>
/// <param name="Named">The processes named one by one rather than through a wildcard.</param>
public sealed record TargetResolution(IReadOnlyList<TargetMatch> Targets, HashSet<string> Named)
{
    /// <summary>Every process named, in the targets' order, each once.</summary>
    public IEnumerable<ProcessSnapshot> Processes => Targets.SelectMany(t => t.Processes);

    public IEnumerable<TargetError> Errors => Targets.Select(t => t.Error).OfType<TargetError>();

    /// <summary>
    /// One line per target in the targets' order, as supervisorctl answers: a target's error, or
    /// the results for its processes in the order the engine acted on them (for <c>all</c> and
    /// <c>GROUP:*</c> that is supervisorctl's start order, or our stop order).
    /// </summary>
    public IEnumerable<string> Lines(IReadOnlyList<ActionResult> results, Func<ActionResult, string> line)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
            position.TryAdd(results[i].Process, i);
        foreach (var target in Targets)
        {
            if (target.Error is { } error)
                yield return error.ToString();
            foreach (var index in target.Processes.Select(p => position.GetValueOrDefault(p.FullName, -1)).Where(i => i >= 0).Order())
                yield return line(results[index]);
        }
    }
}
