using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Health;
using TuiSupervisor.Core.Logging;
using TuiSupervisor.Core.Resources;

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

    /// <summary>The verdict of the health checks; null when the program has none.</summary>
    public HealthTracker? Health { get; } = config.HealthChecks.Count > 0 ? new HealthTracker(config.HealthChecks) : null;

    /// <summary>The checks of the running instance.</summary>
    public HealthMonitor? HealthChecks { get; set; }

    /// <summary>The group's CPU and memory at the last sample; null until sampled.</summary>
    public ResourceUsage? Usage { get; set; }

    /// <summary>Set while usage is over a limit, so each breach is announced once.</summary>
    public bool OverLimit { get; set; }

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
        WaitingFor = Runtime.WaitingFor,
        UnhealthyReason = Runtime.UnhealthyReason,
        Health = Health?.ToSnapshot(),
        Usage = Usage,
    };

    public void CloseFiles()
    {
        HealthChecks?.Dispose();
        HealthChecks = null;
        foreach (var timer in Timers.Values)
            timer.Dispose();
        Timers.Clear();
        StdoutFile?.Dispose();
        StderrFile?.Dispose();
    }
}

/// <summary>An operation waiting until a process reaches a state it accepts.</summary>
internal sealed record StateWaiter(Func<ProcessRuntime, bool> IsDone, TaskCompletionSource<ProcessRuntime> Completion);
