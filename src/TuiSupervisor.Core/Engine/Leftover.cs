namespace TuiSupervisor.Core.Engine;

/// <summary>
/// A process an earlier run of the engine spawned and never stopped, found still running.
/// </summary>
/// <param name="Pid">Its PID, which is also its process group (every child is spawned into its own session).</param>
/// <param name="StartTime">When it started, in clock ticks since boot (field 22 of <c>/proc/PID/stat</c>).</param>
/// <param name="Name">The process name the earlier run knew it by (<c>group:name</c>).</param>
internal sealed record Leftover(int Pid, long StartTime, string Name);
