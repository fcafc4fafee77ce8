namespace TuiSupervisor.Core.Engine;

/// <summary>How a process ended: an exit code, or the signal that terminated it.</summary>
public sealed record ProcessExit(int? Code, int? Signal)
{
    public static ProcessExit Exited(int code) => new(code, null);

    public static ProcessExit Killed(int signal) => new(null, signal);

    /// <summary>supervisord's wording: <c>exit status 1</c> or <c>terminated by SIGKILL</c>.</summary>
    public string Text => (Code, Signal) switch
    {
        (_, { } signal) => $"terminated by {Posix.Signals.Name(signal)}",
        ({ } code, _) => $"exit status {code}",

        // The runtime or the kernel took the status first (the engine as PID 1, SIGCHLD ignored).
        _ => "exit status unknown",
    };
}
