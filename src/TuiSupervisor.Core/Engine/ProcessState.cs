namespace TuiSupervisor.Core.Engine;

/// <summary>supervisord's process states, with its names (spec section 4).</summary>
public enum ProcessState
{
    Stopped,
    Starting,
    Running,
    Backoff,
    Stopping,
    Exited,
    Fatal,
    Unknown,

    /// <summary>Ours, beyond supervisord: running, but failing its health check.</summary>
    Unhealthy,
}

public static class ProcessStateExtensions
{
    /// <summary>The upper-case name supervisorctl prints.</summary>
    public static string Text(this ProcessState state) => state.ToString().ToUpperInvariant();

    /// <summary>States in which the process has (or is about to have) a live PID.</summary>
    public static bool IsRunningLike(this ProcessState state) =>
        state is ProcessState.Starting or ProcessState.Running or ProcessState.Unhealthy or ProcessState.Stopping;

    /// <summary>RUNNING, healthy or not: the process has passed startsecs and is still up.</summary>
    public static bool IsUp(this ProcessState state) => state is ProcessState.Running or ProcessState.Unhealthy;

    /// <summary>supervisorctl's status exits 3 when any listed process is in one of these.</summary>
    public static bool IsDown(this ProcessState state) =>
        state is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal;
}
