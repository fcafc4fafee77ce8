namespace TuiSupervisor.Core.Engine;

/// <summary>How a process ended: an exit code, or the signal that terminated it.</summary>
public sealed record ProcessExit(int? Code, int? Signal)
{
    public static ProcessExit Exited(int code) => new(code, null);

    public static ProcessExit Killed(int signal) => new(null, signal);

    /// <summary>supervisord's wording: <c>exit status 1</c> or <c>terminated by SIGKILL</c>.</summary>
    public string Text => Signal is { } signal
        ? $"terminated by {Posix.Signals.Name(signal)}"
        : $"exit status {Code}";
}
