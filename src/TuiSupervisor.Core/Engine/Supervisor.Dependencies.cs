using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Health;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// <c>depends_on</c> (on the loop): a start whose dependencies do not hold leaves the process
/// STARTING with nothing spawned and the reason (<c>waiting for db (healthy)</c>) in its
/// description; every state or health change looks again, and the process is spawned once they
/// hold. Starts go in dependency order (a program after everything it depends on), then
/// priority; stops in the reverse order.
/// </summary>
public sealed partial class Supervisor
{
    private bool _resolving;

    /// <summary>An operator's or autostart's start: spawn now, or wait for the dependencies.</summary>
    private void StartOrWait(ProcessSlot slot)
    {
        var reason = UnmetDependencies(slot);
        Apply(slot, reason is null ? ProcessInput.Start.Instance : new ProcessInput.Wait(reason));
    }

    /// <summary>Spawns every waiting process whose dependencies now hold, and updates the reasons of the others.</summary>
    private void ResolveWaiting()
    {
        if (_resolving)
            return;
        _resolving = true;
        try
        {
            bool proceeded;
            do
            {
                proceeded = false;
                foreach (var slot in _slots.Where(s => s.Runtime.WaitingFor is not null).ToList())
                {
                    var reason = UnmetDependencies(slot);
                    if (reason is null)
                    {
                        Apply(slot, ProcessInput.Proceed.Instance);
                        proceeded = true;
                    }
                    else if (reason != slot.Runtime.WaitingFor)
                    {
                        Apply(slot, new ProcessInput.Wait(reason));
                    }
                }
            }
            while (proceeded);
        }
        finally
        {
            _resolving = false;
        }
    }

    /// <summary>
    /// Null when every dependency holds; else e.g. <c>waiting for db (healthy), migrate (completed); db is FATAL</c>,
    /// naming the dependencies that cannot get there by themselves.
    /// </summary>
    private string? UnmetDependencies(ProcessSlot slot)
    {
        var waits = new List<string>();
        var stuck = new List<string>();
        foreach (var dependency in slot.Program.DependsOn)
        {
            var unmet = _slots.Where(s => s.Program.Name == dependency.Program && !Holds(s, dependency.Condition)).ToList();
            if (unmet.Count == 0)
                continue;
            waits.Add($"{dependency.Program} ({dependency.Condition.ToString().ToLowerInvariant()})");
            stuck.AddRange(unmet.Where(s => IsStuck(s.Runtime.State)).Select(s => $"{s.FullName} is {s.Runtime.State.Text()}"));
        }

        if (waits.Count == 0)
            return null;
        var reason = "waiting for " + string.Join(", ", waits);
        return stuck.Count == 0 ? reason : $"{reason}; {string.Join(", ", stuck)}";
    }

    /// <summary>A waiting process whose start should end: some dependency is FATAL, stopped or exited and will not get there.</summary>
    private bool DependencyStuck(ProcessSlot slot) => slot.Program.DependsOn.Any(dependency =>
        _slots.Any(s => s.Program.Name == dependency.Program && !Holds(s, dependency.Condition) && IsStuck(s.Runtime.State)));

    private static bool IsStuck(ProcessState state) => state.IsDown();

    private static bool Holds(ProcessSlot dependency, DependencyCondition condition) => condition switch
    {
        DependencyCondition.Started => dependency.Runtime.State.IsUp(),
        DependencyCondition.Healthy => dependency.Runtime.State == ProcessState.Running && dependency.Health?.Status == HealthStatus.Healthy,
        _ => dependency.Runtime.State == ProcessState.Exited && dependency.Runtime.LastExit?.Code is { } code && dependency.Program.ExitCodes.Contains(code),
    };

    /// <summary>
    /// The processes in start order: dependency depth first (a program after everything it
    /// depends on), then priority, then name.
    /// </summary>
    private IEnumerable<ProcessSlot> InStartOrder(IEnumerable<ProcessSlot> slots)
    {
        var depths = DependencyDepths();
        return slots.OrderBy(s => depths.GetValueOrDefault(s.Program.Name)).ThenBy(s => s.Program.Priority).ThenBy(s => s.FullName, StringComparer.Ordinal);
    }

    /// <summary>How many dependency steps each program is from one with none (the config has no cycles).</summary>
    private Dictionary<string, int> DependencyDepths()
    {
        var programs = _slots.Select(s => s.Program).DistinctBy(p => p.Name).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);

        int Depth(ProgramConfig program)
        {
            if (depths.TryGetValue(program.Name, out var known))
                return known;
            depths[program.Name] = 0;
            var depth = program.DependsOn.Select(d => programs.TryGetValue(d.Program, out var target) ? Depth(target) + 1 : 0).DefaultIfEmpty(0).Max();
            depths[program.Name] = depth;
            return depth;
        }

        foreach (var program in programs.Values)
            Depth(program);
        return depths;
    }

    /// <summary>The processes that <paramref name="slots"/> depend on, directly or not, and that do not hold their condition yet.</summary>
    private List<ProcessSlot> DependenciesToStart(IReadOnlyCollection<ProcessSlot> slots)
    {
        var found = new List<ProcessSlot>();
        var pending = new Queue<ProcessSlot>(slots);
        while (pending.TryDequeue(out var slot))
        {
            foreach (var dependency in slot.Program.DependsOn)
            {
                foreach (var target in _slots.Where(s => s.Program.Name == dependency.Program && !slots.Contains(s) && !found.Contains(s)))
                {
                    if (Holds(target, dependency.Condition) || !target.Runtime.State.IsDown())
                        continue;
                    found.Add(target);
                    pending.Enqueue(target);
                }
            }
        }

        return found;
    }
}
