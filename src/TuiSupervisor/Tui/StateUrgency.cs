using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Tui;

/// <summary>Most urgent first: what needs the operator's eyes sorts to the top and speaks for a group.</summary>
internal static class StateUrgency
{
    public static int Of(ProcessState state) => state switch
    {
        ProcessState.Fatal => 0,
        ProcessState.Unhealthy => 1,
        ProcessState.Backoff => 2,
        ProcessState.Exited => 3,
        ProcessState.Unknown => 4,
        ProcessState.Stopping => 5,
        ProcessState.Starting => 6,
        ProcessState.Running => 7,
        _ => 8,
    };
}
