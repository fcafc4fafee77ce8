using System.Runtime.InteropServices;

namespace TuiSupervisor.Bench.Tools;

/// <summary>The native calls the bench needs: sending SIGTERM or SIGUSR1, which Process cannot, and the CPU time of reaped children.</summary>
internal static partial class Posix
{
    private const int SigUsr1 = 10;
    private const int SigTerm = 15;
    private const int RusageChildren = -1;

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    /// <summary>SIGUSR1: what the helper's <c>flood</c> waits for before it starts.</summary>
    public static void UserSignal1(int pid)
    {
        if (Kill(pid, SigUsr1) != 0)
            throw new InvalidOperationException($"kill({pid}, SIGUSR1) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>
    /// User + system CPU seconds of every child this process has waited for so far (getrusage
    /// RUSAGE_CHILDREN): the difference around one command is that command's CPU time, a figure
    /// that other load on the machine inflates far less than wall-clock time.
    /// </summary>
    public static unsafe double ReapedChildrenCpuSeconds()
    {
        // struct rusage starts with two struct timevals (utime, stime) of two longs each; the rest
        // (14 longs) is room the kernel fills.
        long* usage = stackalloc long[18];
        if (GetRusage(RusageChildren, usage) != 0)
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        return usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static unsafe partial int GetRusage(int who, long* usage);
}
