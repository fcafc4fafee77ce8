using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config;

/// <summary>
/// One <c>[programs.NAME]</c> table: the options shared by all of its processes. The concrete
/// processes (one per <c>numprocs</c>, with expanded names, commands and log paths) are in
/// <see cref="Processes"/>. Equality is by value: <c>reload</c> restarts a program when any of it differs.
/// </summary>
public sealed record ProgramConfig
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool Enabled { get; init; } = true;
    public int NumProcs { get; init; } = 1;
    public int NumProcsStart { get; init; }
    public int Priority { get; init; } = 999;
    public bool AutoStart { get; init; } = true;
    public AutoRestart AutoRestart { get; init; } = AutoRestart.Unexpected;
    public EquatableArray<int> ExitCodes { get; init; } = new([0]);
    public TimeSpan StartSecs { get; init; } = TimeSpan.FromSeconds(1);
    public int StartRetries { get; init; } = 3;
    public int StopSignal { get; init; } = 15;
    public TimeSpan StopWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True by default, unlike supervisord: no grandchild outlives a stop (spec section 4).</summary>
    public bool StopAsGroup { get; init; } = true;

    public bool KillAsGroup { get; init; } = true;
    public string? User { get; init; }
    public int? Umask { get; init; }
    public bool RedirectStderr { get; init; }
    public RestartBackoff Backoff { get; init; } = RestartBackoff.Supervisord;
    public EquatableArray<Dependency> DependsOn { get; init; } = new EquatableArray<Dependency>([]);
    public ResourceLimits? Limits { get; init; }
    public required EquatableArray<ProcessConfig> Processes { get; init; }
}

/// <summary>When a process that exited after reaching RUNNING is started again.</summary>
public enum AutoRestart
{
    /// <summary>Never (<c>false</c>, <c>"never"</c>).</summary>
    Never,

    /// <summary>When its exit code is not in <c>exitcodes</c> (supervisord's default).</summary>
    Unexpected,

    /// <summary>Whatever the exit code (<c>true</c>, <c>"always"</c>).</summary>
    Always,
}
