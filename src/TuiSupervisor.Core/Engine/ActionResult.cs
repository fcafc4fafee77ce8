namespace TuiSupervisor.Core.Engine;

/// <summary>What an operation did to one process; the shell turns it into supervisorctl's line.</summary>
public enum ActionOutcome
{
    Started,
    Stopped,
    Signalled,
    AlreadyStarted,
    NotRunning,

    /// <summary>The start ended FATAL (supervisorctl's <c>spawn error</c>, exit 7).</summary>
    SpawnError,

    /// <summary>The command could not be found; nothing changed (supervisorctl's <c>no such file</c>).</summary>
    NoSuchFile,

    /// <summary>The command is not executable; nothing changed.</summary>
    NotExecutable,

    /// <summary>It stopped while we waited for it to start.</summary>
    AbnormalTermination,

    /// <summary>It waits for a dependency that is FATAL, stopped or exited and will not get there by itself.</summary>
    DependencyFailed,

    /// <summary>Refused: the engine is shutting down and starts nothing more.</summary>
    ShuttingDown,
}

public sealed record ActionResult(string Process, ActionOutcome Outcome);
