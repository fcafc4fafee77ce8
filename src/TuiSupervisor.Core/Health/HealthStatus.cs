namespace TuiSupervisor.Core.Health;

/// <summary>A process's health as its checks see it.</summary>
public enum HealthStatus
{
    /// <summary>The process is not running, so nothing is checked.</summary>
    Unknown,

    /// <summary>Running, but not every check has passed yet.</summary>
    Starting,

    /// <summary>Every check passes (fewer failures in a row than its <c>retries</c>).</summary>
    Healthy,

    /// <summary>Some check failed <c>retries</c> times in a row.</summary>
    Unhealthy,
}
