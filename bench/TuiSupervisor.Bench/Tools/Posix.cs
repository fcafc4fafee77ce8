using System.Runtime.InteropServices;

namespace TuiSupervisor.Bench.Tools;

/// <summary>The one native call the bench needs: sending SIGTERM, which Process cannot.</summary>
internal static partial class Posix
{
    private const int SigTerm = 15;

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
