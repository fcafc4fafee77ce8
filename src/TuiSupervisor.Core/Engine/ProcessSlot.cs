using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// One process as the loop holds it: its config, its current runtime state, its output buffers
/// and log files, and the operations waiting for it to reach a state. Only the loop touches it.
/// </summary>
internal sealed class ProcessSlot(ProgramConfig program, ProcessConfig config)
{
    public ProgramConfig Program { get; set; } = program;

    public ProcessConfig Config { get; set; } = config;

    public ProcessRuntime Runtime { get; set; } = new();

    public OutputRing Stdout { get; } = new();

    public OutputRing Stderr { get; } = new();

    /// <summary>Opened at the first spawn and kept across restarts, like supervisord's.</summary>
    public RotatingLogFile? StdoutFile { get; set; }

    public RotatingLogFile? StderrFile { get; set; }

    /// <summary>The pending timer of each kind; a new one replaces (and disposes) the old.</summary>
    public Dictionary<TimerKind, ITimer> Timers { get; } = [];

    public List<StateWaiter> Waiters { get; } = [];

    public string FullName => Config.FullName;

    public ProcessSnapshot ToSnapshot() => new()
    {
        Name = Config.Name,
        Group = Config.GroupName,
        Program = Config.ProgramName,
        State = Runtime.State,
        Pid = Runtime.Pid,
        StartedAt = Runtime.StartedAt,
        StoppedAt = Runtime.StoppedAt,
        SpawnError = Runtime.SpawnError,
        LastExit = Runtime.LastExit,
        Restarts = Runtime.TotalRestarts,
        RetryAt = Runtime.RetryAt,
        Priority = Program.Priority,
        Description = Program.Description,
    };

    public void CloseFiles()
    {
        foreach (var timer in Timers.Values)
            timer.Dispose();
        Timers.Clear();
        StdoutFile?.Dispose();
        StderrFile?.Dispose();
    }
}

/// <summary>An operation waiting until a process reaches one of some states.</summary>
internal sealed record StateWaiter(Func<ProcessState, bool> IsDone, TaskCompletionSource<ProcessState> Completion);
