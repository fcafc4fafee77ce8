namespace TuiSupervisor.Core.Config;

/// <summary>What a dependency must reach before its dependent starts.</summary>
public enum DependencyCondition
{
    /// <summary>RUNNING.</summary>
    Started,

    /// <summary>RUNNING and passing its health checks.</summary>
    Healthy,

    /// <summary>Exited with an expected exit code.</summary>
    Completed,
}

public sealed record Dependency(string Program, DependencyCondition Condition);
