using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>
/// What must hold between operations, comparing the engine's snapshots with what /proc shows:
/// every process the engine calls alive has a live PID that leads its own group; no two live
/// instances of one process; no process of the run in a session the engine does not know.
/// </summary>
internal static class EngineInvariants
{
    /// <summary>
    /// The violations seen in /proc between two snapshots. A process whose entry differs between
    /// the two changed during the scan (an exit being reaped, a restart) and is not judged this time.
    /// </summary>
    public static List<string> Check(EngineSnapshot before, IReadOnlyList<MarkedProcess> scanned, EngineSnapshot after)
    {
        var violations = new List<string>();
        var steady = before.Processes.Where(p => after.Find(p.FullName) is { } later && later.State == p.State && later.Pid == p.Pid).ToList();
        var live = scanned.ToDictionary(p => p.Pid);

        foreach (var process in steady.Where(p => p.State is ProcessState.Running))
        {
            if (process.Pid is not { } pid)
                violations.Add($"{process.FullName} is RUNNING without a PID");
            else if (!live.TryGetValue(pid, out var found))
                violations.Add($"{process.FullName} is RUNNING as pid {pid}, which is not alive");
            else if (found.Group != pid || found.Session != pid)
                violations.Add($"{process.FullName} pid {pid} is in group {found.Group}, session {found.Session}, not its own");
        }

        foreach (var twice in before.Processes.Where(p => p.Pid is not null).GroupBy(p => p.Pid).Where(g => g.Count() > 1))
            violations.Add($"pid {twice.Key} is given to {string.Join(" and ", twice.Select(p => p.FullName))}");

        foreach (var instances in scanned.Where(p => p.LeadsSession).GroupBy(p => p.ProcessName).Where(g => g.Count() > 1))
            violations.Add($"{instances.Key} runs {instances.Count()} instances: pids {string.Join(", ", instances.Select(p => p.Pid))}");

        var known = before.Processes.Concat(after.Processes).Select(p => p.Pid).OfType<int>().ToHashSet();
        foreach (var stray in scanned.Where(p => !known.Contains(p.Session)))
            violations.Add($"pid {stray.Pid} ({stray.ProcessName}) is in session {stray.Session}, which the engine does not know");

        return violations;
    }
}
