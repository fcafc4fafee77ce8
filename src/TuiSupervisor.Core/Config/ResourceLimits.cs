namespace TuiSupervisor.Core.Config;

public enum LimitAction
{
    Warn,
    Restart,
}

/// <summary>The <c>limits</c> table: ceilings on a process group's memory and CPU.</summary>
public sealed record ResourceLimits(long? MaxMemoryBytes, double? MaxCpuPercent, LimitAction OnLimit);
