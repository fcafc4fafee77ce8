namespace TuiSupervisor.Core.Engine;

/// <summary>How a reload ended.</summary>
public enum ReloadStatus
{
    /// <summary>Reported (reread) or applied (update).</summary>
    Done,

    /// <summary>The config has errors; nothing changed.</summary>
    ConfigErrors,

    /// <summary>Refused in whole or part: the engine is shutting down, or a named group does not exist.</summary>
    Refused,
}
