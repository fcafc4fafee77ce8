using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Signals whole process groups, which is how every stop and kill reaches grandchildren too, or
/// (for <c>stopasgroup = false</c>, supervisord's default) the group leader alone.
/// </summary>
internal static class ProcessSignaller
{
    /// <summary>
    /// <c>kill(-pgid, signal)</c>. Returns false when no process of the group is left (ESRCH is an
    /// ordinary race with an exit, not an error).
    /// </summary>
    /// <remarks>
    /// Prefer <see cref="ChildReaper.TrySignalGroup"/> for children we spawned: it refuses once the
    /// child is reaped. This raw form is for groups we know only by id, such as leftovers of an
    /// earlier run.
    /// </remarks>
    public static bool SignalGroup(int pgid, int signal)
    {
        // kill(0, …) would signal our own group and kill(-1, …) every process we may signal.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pgid, 1);
        return Kill(-pgid, signal);
    }

    /// <summary><c>kill(pid, signal)</c>: the process alone; false when it is gone.</summary>
    public static bool SignalProcess(int pid, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pid, 1);
        return Kill(pid, signal);
    }

    private static bool Kill(int target, int signal)
    {
        if (Interop.kill(target, signal) == 0)
        {
            return true;
        }
        int errno = Marshal.GetLastPInvokeError();
        return errno == Errno.ESRCH
            ? false
            : throw new Win32Exception(errno, $"kill({target}, {Signals.Name(signal)}) failed: {Errno.Name(errno)}");
    }
}
