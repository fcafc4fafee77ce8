namespace TuiSupervisor.Core.Posix;

/// <summary>
/// The Linux error numbers the process layer reacts to, and their symbolic names: supervisord
/// reports errors as names (<c>couldn't chdir to /x: ENOENT</c>) and so do we.
/// </summary>
internal static class Errno
{
    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int ESRCH = 3;
    internal const int EAGAIN = 11;
    internal const int EINTR = 4;
    internal const int ENOEXEC = 8;
    internal const int ECHILD = 10;
    internal const int EACCES = 13;
    internal const int ENOTDIR = 20;
    internal const int EISDIR = 21;

    private static readonly Dictionary<int, string> _names = new()
    {
        [EPERM] = "EPERM",
        [ENOENT] = "ENOENT",
        [ESRCH] = "ESRCH",
        [EINTR] = "EINTR",
        [7] = "E2BIG",
        [ENOEXEC] = "ENOEXEC",
        [ECHILD] = "ECHILD",
        [11] = "EAGAIN",
        [12] = "ENOMEM",
        [EACCES] = "EACCES",
        [ENOTDIR] = "ENOTDIR",
        [EISDIR] = "EISDIR",
        [22] = "EINVAL",
        [23] = "ENFILE",
        [24] = "EMFILE",
        [26] = "ETXTBSY",
        [36] = "ENAMETOOLONG",
        [40] = "ELOOP",
    };

    /// <summary>The symbolic name (<c>ENOENT</c>), or <c>errno 123</c> for one not in the table.</summary>
    internal static string Name(int errno) => _names.TryGetValue(errno, out string? name) ? name : $"errno {errno}";
}
