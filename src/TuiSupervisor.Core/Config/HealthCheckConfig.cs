namespace TuiSupervisor.Core.Config;

public enum HealthCheckType
{
    Http,
    Tcp,
    Exec,
    Heartbeat,
}

public enum UnhealthyAction
{
    Restart,
    None,
}

/// <summary>
/// One health check of a program. Which target fields matter depends on <see cref="Type"/>:
/// http uses <see cref="Url"/>, tcp <see cref="Host"/> and <see cref="Port"/>, exec
/// <see cref="Command"/>, heartbeat <see cref="File"/> (checked against <see cref="Timeout"/>).
/// </summary>
public sealed record HealthCheckConfig
{
    public required HealthCheckType Type { get; init; }
    public string? Url { get; init; }
    public int? ExpectedStatus { get; init; }
    public string? ExpectedBody { get; init; }
    public string Host { get; init; } = "127.0.0.1";
    public int? Port { get; init; }
    public string? Command { get; init; }
    public string? File { get; init; }
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public int Retries { get; init; } = 3;
    public TimeSpan StartPeriod { get; init; } = TimeSpan.Zero;
    public UnhealthyAction OnUnhealthy { get; init; } = UnhealthyAction.Restart;
}
