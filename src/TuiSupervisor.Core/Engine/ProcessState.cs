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
}

public static class ProcessStateExtensions
{
    /// <summary>The upper-case name supervisorctl prints.</summary>
    public static string Text(this ProcessState state) => state.ToString().ToUpperInvariant();

    /// <summary>States in which the process has (or is about to have) a live PID.</summary>
    public static bool IsRunningLike(this ProcessState state) =>
        state is ProcessState.Starting or ProcessState.Running or ProcessState.Stopping;

    /// <summary>supervisorctl's status exits 3 when any listed process is in one of these.</summary>
    public static bool IsDown(this ProcessState state) =>
        state is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal;
}
