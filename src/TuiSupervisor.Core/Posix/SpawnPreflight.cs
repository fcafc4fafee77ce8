using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// The checks supervisord makes before it forks (its <c>get_execv_args</c> and
/// <c>check_execv_args</c>), with its wording, plus the translation of an error that posix_spawn
/// returns anyway (a file removed between check and spawn, a bad interpreter line).
/// </summary>
internal static class SpawnPreflight
{
    // supervisord's search path when its environment has no PATH.
    private static readonly string[] _defaultPath = ["/bin", "/usr/bin", "/usr/local/bin"];

    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Null when the directory can be entered, otherwise why not.</summary>
    /// <remarks>
    /// supervisord forks anyway and the child exits 127 after failing to chdir, which makes a bad
    /// directory look like "exited too quickly". Checking first lets us say what is wrong.
    /// </remarks>
    public static SpawnError? CheckDirectory(string directory)
    {
        int errno = Interop.access(directory, Interop.X_OK) != 0 ? Marshal.GetLastPInvokeError()
            : Directory.Exists(directory) ? 0
            : Errno.ENOTDIR;
        return errno == 0 ? null : new SpawnError(SpawnErrorKind.BadDirectory, $"couldn't chdir to {directory}: {Errno.Name(errno)}");
    }

    /// <summary>
    /// Finds the file to execute for <paramref name="program"/> (argv[0] as written). With a
    /// <c>/</c> it is used as given; without, the first entry of <paramref name="pathVariable"/>
    /// holding a file of that name wins, executable or not, as in supervisord.
    /// </summary>
    public static SpawnError? ResolveCommand(string program, string? workingDirectory, string? pathVariable, out string executable)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            executable = program;
            // posix_spawn enters the working directory before exec, so a relative path is checked from there.
            string onDisk = workingDirectory is not null && !Path.IsPathRooted(program) ? Path.Combine(workingDirectory, program) : program;
            return CheckExecutable(program, onDisk);
        }
        string[] directories = pathVariable?.Split(':', StringSplitOptions.RemoveEmptyEntries) ?? _defaultPath;
        foreach (string directory in directories)
        {
            // Absolute, so that a relative PATH entry means the same at exec time, after the chdir.
            string candidate = Path.GetFullPath(Path.Combine(directory, program));
            if (Interop.access(candidate, Interop.F_OK) == 0)
            {
                executable = candidate;
                return CheckExecutable(candidate, candidate);
            }
        }
        executable = program;
        return NotFound(program);
    }

    /// <summary>Describes an error number returned by posix_spawn itself.</summary>
    public static SpawnError DescribeSpawnFailure(int errno, string executable, string? workingDirectory)
    {
        // A failing chdir and a failing exec report the same numbers (ENOENT, EACCES): look again.
        if (workingDirectory is not null && CheckDirectory(workingDirectory) is SpawnError directoryError)
        {
            return directoryError;
        }
        SpawnErrorKind kind = errno switch
        {
            Errno.ENOENT => SpawnErrorKind.NoSuchFile,
            Errno.EACCES or Errno.EPERM or Errno.ENOEXEC or Errno.EISDIR => SpawnErrorKind.NotExecutable,
            _ => SpawnErrorKind.Other,
        };
        // The wording of supervisord's child when its execve fails.
        return new SpawnError(kind, $"couldn't exec {executable}: {Errno.Name(errno)}");
    }

    // display is the name supervisord prints; path is where the file is looked at.
    private static SpawnError? CheckExecutable(string display, string path)
    {
        if (Interop.access(path, Interop.F_OK) != 0)
        {
            return NotFound(display);
        }
        if (Directory.Exists(path))
        {
            return new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{display}' is a directory");
        }
        UnixFileMode mode;
        try
        {
            mode = OperatingSystem.IsLinux() ? File.GetUnixFileMode(path) : throw new PlatformNotSupportedException();
        }
        catch (IOException)
        {
            // Removed since the access() above.
            return NotFound(display);
        }
        if ((mode & AnyExecute) == 0)
        {
            return new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{display}' is not executable");
        }
        return Interop.access(path, Interop.X_OK) != 0
            ? new SpawnError(SpawnErrorKind.NotExecutable, $"no permission to run command '{display}'")
            : null;
    }

    private static SpawnError NotFound(string display) => new(SpawnErrorKind.NoSuchFile, $"can't find command '{display}'");
}
