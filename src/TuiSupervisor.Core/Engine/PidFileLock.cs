using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// The pidfile as a lock: holding a write lock on it for the engine's lifetime is what
/// makes a second engine on the same pidfile refuse to start (spec section 9), and the PID written
/// in it is what the refusal names.
/// </summary>
/// <remarks>
/// <para>The lock, not the file's existence, decides. After a <c>kill -9</c> the file stays behind
/// with a dead PID in it, but the kernel released the lock with the last descriptor, so the next
/// engine simply takes it over; nothing ever has to guess whether a PID in a file is still ours.</para>
/// <para>The lock is an open file description lock (<c>F_OFD_SETLK</c>, Linux 3.15), not <c>flock</c>: .NET
/// itself takes a <c>flock</c> on every file it opens (shared, or exclusive for
/// <see cref="FileShare.None"/>), so with <c>flock</c> any .NET code merely reading the pidfile would
/// fail with a sharing violation, and a reader at the wrong moment would look like a second engine.
/// Unlike classic POSIX locks, an OFD lock belongs to this open file rather than to the process:
/// a second acquire in the same process conflicts, and closing some other descriptor of the file
/// does not silently drop it. The descriptor is close-on-exec: a child that inherited it would keep
/// the lock after the engine died, and the next engine could not start to clean that very child up.</para>
/// </remarks>
public sealed class PidFileLock : IDisposable
{
    // 0644, less the umask, as supervisord's own pidfile.
    private const uint PidFileMode = (uint)(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    private const int LostRaceRetries = 5;

    private readonly SafeFileHandle _handle;

    private PidFileLock(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    /// <summary>The pidfile's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Takes the lock on <paramref name="path"/> (creating its folder if missing) and writes our PID
    /// and a newline into it. On failure <paramref name="error"/> says why, naming the holder's PID
    /// when another engine has it.
    /// </summary>
    public static bool TryAcquire(string path, out PidFileLock? lockHandle, out string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        lockHandle = null;
        string folder = System.IO.Path.GetDirectoryName(fullPath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot create {folder}, the folder of pidfile {fullPath}: {FileErrorText.DescribeFolder(folder, e)}";
            return false;
        }

        // A previous holder unlinks the file just before it releases the lock, so we may lock an
        // inode that no longer has a name while a third engine creates and locks a fresh file at the
        // path. Locking a deleted file means we lost that race: open the path again.
        for (int attempt = 0; attempt < LostRaceRetries; attempt++)
        {
            int fd = Interop.open(fullPath, Interop.O_RDWR | Interop.O_CREAT | Interop.O_CLOEXEC, PidFileMode);
            if (fd < 0)
            {
                error = $"cannot open pidfile {fullPath}: {Errno.Name(Marshal.GetLastPInvokeError())}";
                return false;
            }
            var handle = new SafeFileHandle(fd, ownsHandle: true);
            if (!TryLock(fd, out int errno))
            {
                // Linux answers EAGAIN for a conflicting lock; POSIX also allows EACCES.
                error = errno is Errno.EAGAIN or Errno.EACCES
                    ? HeldMessage(fullPath, ReadHolder(handle))
                    : $"cannot lock pidfile {fullPath}: {Errno.Name(errno)}";
                handle.Dispose();
                return false;
            }
            if (IsUnlinked(fd))
            {
                handle.Dispose();
                continue;
            }
            RandomAccess.SetLength(handle, 0);
            RandomAccess.Write(handle, Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"), 0);
            lockHandle = new PidFileLock(fullPath, handle);
            error = "";
            return true;
        }
        error = $"cannot lock pidfile {fullPath}: it was removed and recreated {LostRaceRetries} times while we locked it";
        return false;
    }

    /// <summary>Removes the pidfile, then releases the lock by closing it.</summary>
    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }
        // Unlinking while still holding the lock means no other engine can have taken over the
        // name in between; if our inode already lost its name, the file at the path is not ours.
        try
        {
            if (!IsUnlinked((int)_handle.DangerousGetHandle()))
            {
                File.Delete(Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A pidfile left behind is harmless: the lock, released below, is what decides.
        }
        _handle.Dispose();
    }

    private static unsafe bool TryLock(int fd, out int errno)
    {
        var wholeFile = new Interop.FileLock { Type = Interop.F_WRLCK };
        while (Interop.fcntl(fd, Interop.F_OFD_SETLK, &wholeFile) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR)
            {
                return false;
            }
        }
        errno = 0;
        return true;
    }

    /// <summary>Reads the PID the holder wrote, or null when it has not written one yet.</summary>
    private static int? ReadHolder(SafeFileHandle handle)
    {
        var buffer = new byte[32];
        int length = RandomAccess.Read(handle, buffer, 0);
        string text = Encoding.ASCII.GetString(buffer, 0, length).Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    private static string HeldMessage(string path, int? holder) => holder is { } pid
        ? $"another tuisupervisor (pid {pid}) holds {path}"
        : $"another tuisupervisor holds {path} (it has not written its pid yet)";

    /// <summary>Whether the file behind <paramref name="fd"/> has lost its name (the kernel marks the link target so).</summary>
    private static bool IsUnlinked(int fd) =>
        new FileInfo($"/proc/self/fd/{fd}").LinkTarget?.EndsWith(" (deleted)", StringComparison.Ordinal) ?? false;
}
