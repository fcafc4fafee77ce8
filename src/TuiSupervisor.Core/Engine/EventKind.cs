namespace TuiSupervisor.Core.Engine;

/// <summary>What an event is about, so that a view can filter the history.</summary>
public enum EventKind
{
    /// <summary>The engine itself: start, shutdown, log files, warnings.</summary>
    Engine,

    /// <summary>A process moved from one state to another (<c>RUNNING -> UNHEALTHY</c>).</summary>
    State,

    /// <summary>supervisord's lifecycle lines: spawned, exited, stopped, gave up.</summary>
    Lifecycle,

    /// <summary>A health check's verdict changed.</summary>
    Health,

    /// <summary>A resource limit was breached, or usage fell back under it.</summary>
    Limit,

    /// <summary>A process waits for its dependencies, or they now hold.</summary>
    Dependency,

    /// <summary>The config was re-read.</summary>
    Reload,

    /// <summary>Something an operator asked for: start, stop, signal.</summary>
    Operator,
}
