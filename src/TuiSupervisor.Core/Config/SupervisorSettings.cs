using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config;

/// <summary>The <c>[supervisor]</c> table, with every path already absolute.</summary>
public sealed record SupervisorSettings
{
    public required string LogFile { get; init; }
    public long LogFileMaxBytes { get; init; } = 50L * 1024 * 1024;
    public int LogFileBackups { get; init; } = 10;
    public LogLevel LogLevel { get; init; } = LogLevel.Info;
    public required string PidFile { get; init; }

    /// <summary>The control socket's path; null means the per-user default chosen by the socket server.</summary>
    public string? Socket { get; init; }

    public required string ChildLogDir { get; init; }
    public EquatableMap Environment { get; init; } = EquatableMap.Empty;
    public int Umask { get; init; } = Convert.ToInt32("022", 8);
    public string Theme { get; init; } = "default";
}

public enum LogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Critical,
}
