using System.Globalization;
using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Running a program as another user. posix_spawn cannot change credentials, and managed code
/// must not run between fork and exec, so the engine spawns its own executable in a hidden mode
/// (<see cref="Mode"/>) that drops privileges and execs the program in place: same pid, same
/// session, pipes, directory and umask as any spawn (docs/process-spawning.md).
/// </summary>
public static class UserSwitch
{
    /// <summary>The hidden first argument of the executable's trampoline mode.</summary>
    public const string Mode = "__run-as";

    /// <summary>The trampoline's argument vector after <paramref name="launcher"/> (our executable, and the dll under <c>dotnet</c>).</summary>
    internal static string[] Arguments(IReadOnlyList<string> launcher, UserAccount account, string executable, IReadOnlyList<string> command) =>
    [
        .. launcher,
        Mode,
        account.Uid.ToString(CultureInfo.InvariantCulture),
        account.Gid.ToString(CultureInfo.InvariantCulture),
        string.Join(',', account.Groups.Select(g => g.ToString(CultureInfo.InvariantCulture))),
        executable,
        .. command,
    ];

    /// <summary>
    /// The trampoline: <paramref name="arguments"/> are what follows <see cref="Mode"/>. Sets the
    /// groups, gid and uid (in that order: after setuid nothing else may change), gives back the
    /// signal state a spawn gives (the runtime ignores SIGPIPE, and an ignored signal survives
    /// exec), and execs. Returns only when that failed, with supervisord's wording of why.
    /// </summary>
    public static unsafe string Exec(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count < 5 ||
            !uint.TryParse(arguments[0], CultureInfo.InvariantCulture, out uint uid) ||
            !uint.TryParse(arguments[1], CultureInfo.InvariantCulture, out uint gid))
        {
            return $"{Mode}: expected UID GID GROUPS PROGRAM ARGV0 [ARG…]";
        }

        uint[] groups = [.. arguments[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => uint.Parse(g, CultureInfo.InvariantCulture))];
        fixed (uint* groupList = groups)
        {
            if (Interop.setgroups((nuint)groups.Length, groupList) != 0)
            {
                return $"couldn't setuid to {uid}: Could not set groups of effective user";
            }
        }
        if (Interop.setgid(gid) != 0)
        {
            return $"couldn't setuid to {uid}: Could not set group id of effective user";
        }
        if (Interop.setuid(uid) != 0)
        {
            return $"couldn't setuid to {uid}: {Errno.Name(Marshal.GetLastPInvokeError())}";
        }

        RestoreDefaultSignals();
        string executable = arguments[3];
        using var argv = new NativeStringArray([.. arguments.Skip(4)]);
        Interop.execv(executable, argv.Pointer);
        return $"couldn't exec {executable}: {Errno.Name(Marshal.GetLastPInvokeError())}";
    }

    private static unsafe void RestoreDefaultSignals()
    {
        string ignored = ProcStatus.Field("self", "SigIgn") ?? "0";
        ulong mask = ulong.Parse(ignored, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        for (int signal = 1; signal <= 64; signal++)
        {
            if ((mask & (1UL << (signal - 1))) != 0)
            {
                _ = Interop.signal(signal, 0);
            }
        }

        byte* empty = stackalloc byte[(int)Interop.OpaqueStructSize];
        // Failure leaves the runtime's mask, which it keeps empty on the main thread anyway.
        _ = Interop.sigemptyset(empty);
        _ = Interop.sigprocmask(Interop.SIG_SETMASK, empty, null);
    }
}
