namespace TuiSupervisor.Core.Posix;

/// <summary>
/// How a child we spawned ended: an exit code, a terminating signal, or neither when someone
/// else reaped it first (see <see cref="ChildReaper.Warning"/>).
/// </summary>
internal sealed record ExitStatus(int Pid, int? ExitCode, int? Signal)
{
    /// <summary>Decodes a <c>waitpid</c> status word for a child that has terminated.</summary>
    public static ExitStatus FromWaitStatus(int pid, int status)
    {
        int signal = status & 0x7f;
        return signal == 0 ? new ExitStatus(pid, (status >> 8) & 0xff, null) : new ExitStatus(pid, null, signal);
    }

    /// <summary>The child is gone but its status went to another waiter.</summary>
    public static ExitStatus Unknown(int pid) => new(pid, null, null);
}
