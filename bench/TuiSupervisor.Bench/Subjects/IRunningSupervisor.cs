namespace TuiSupervisor.Bench.Subjects;

/// <summary>
/// A started supervisor, driven the way its users drive it. This is the seam where our control
/// socket (`ctl status`) takes over from the headless shell once it exists.
/// </summary>
internal interface IRunningSupervisor : IAsyncDisposable
{
    /// <summary>The process whose CPU and memory are the supervisor's cost.</summary>
    int EnginePid { get; }

    /// <summary>Stopwatch timestamp taken just before the supervisor was executed.</summary>
    long StartedAt { get; }

    Task<IReadOnlyList<ProcessStatus>> StatusAsync();

    /// <summary>The command an operator types for a status from another shell (ours: <c>ctl status</c>; supervisord: <c>supervisorctl status</c>).</summary>
    ShellCommand StatusCommand { get; }

    /// <summary>Stops every process; returns when the supervisor says they are all stopped.</summary>
    Task StopAllAsync();
}
