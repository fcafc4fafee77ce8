using TuiSupervisor.Core.Health;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// Health checks (on the loop): each spawned instance gets its own <see cref="HealthMonitor"/>,
/// whose results come back as messages; a change of verdict is an event and, for a process that
/// is up, a state-machine input (UNHEALTHY, and a restart when a failing check asks for one).
/// </summary>
public sealed partial class Supervisor
{
    /// <summary>Probes in flight at once across the engine; a check waiting for a slot is simply late.</summary>
    private const int MaxConcurrentProbes = 16;

    private void StartHealthChecks(ProcessSlot slot, int pid, IReadOnlyDictionary<string, string> environment)
    {
        if (slot.Health is not { } tracker)
            return;
        tracker.Begin();
        var context = new ProbeContext(_http, _execProbes, environment, slot.Config.Directory, slot.Runtime.StartedAt ?? _time.GetUtcNow(), _time);
        slot.HealthChecks = HealthMonitor.Start(slot.Config.HealthChecks, context, _probeGate, (check, result, inStartPeriod) =>
            Post(() => OnProbeResult(slot, pid, check, result, inStartPeriod)));
    }

    private static void StopHealthChecks(ProcessSlot slot)
    {
        slot.HealthChecks?.Dispose();
        slot.HealthChecks = null;
        slot.Health?.End();
    }

    private void OnProbeResult(ProcessSlot slot, int pid, int check, ProbeResult result, bool inStartPeriod)
    {
        if (slot.Runtime.Pid != pid || slot.Health is not { } tracker || !_slots.Contains(slot))
            return;
        _dirty = true;
        if (!tracker.Record(check, result, inStartPeriod))
        {
            // Still unhealthy, but now a check that asks for a restart fails too.
            if (tracker.RestartWanted && slot.Runtime.State == ProcessState.Unhealthy)
                ActOnHealth(slot);
            return;
        }

        var verdict = tracker.Status switch
        {
            HealthStatus.Unhealthy => $"health: {slot.FullName} is unhealthy ({tracker.FailureReason})",
            HealthStatus.Healthy => $"health: {slot.FullName} is healthy ({result.Output})",
            _ => $"health: {slot.FullName} is being checked",
        };
        Emit(slot.FullName, tracker.Status == HealthStatus.Unhealthy ? EventLevel.Warn : EventLevel.Info, verdict, EventKind.Health);
        ActOnHealth(slot);
        ResolveWaiting();
    }

    /// <summary>Brings the state in line with the verdict: a process that is up is UNHEALTHY exactly while its checks fail.</summary>
    private void ActOnHealth(ProcessSlot slot)
    {
        if (slot.Health is not { } tracker || !slot.Runtime.State.IsUp())
            return;
        if (tracker.Status == HealthStatus.Unhealthy)
            Apply(slot, new ProcessInput.HealthFailed(tracker.FailureReason, tracker.RestartWanted));
        else if (slot.Runtime.State == ProcessState.Unhealthy)
            Apply(slot, ProcessInput.HealthRecovered.Instance);
    }
}
