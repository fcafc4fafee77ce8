using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Every native call of TuiSupervisor, in one place, so the surface we depend on (glibc 2.34 or
/// later on Linux: <c>posix_spawn_file_actions_addclosefrom_np</c> arrived in 2.34) can be read
/// at a glance.
/// </summary>
/// <remarks>
/// The opaque libc types (<c>posix_spawnattr_t</c>, <c>posix_spawn_file_actions_t</c>,
/// <c>sigset_t</c>) are never mirrored as structs: callers pass native buffers of
/// <see cref="OpaqueStructSize"/> bytes, far more than glibc needs, so a layout change in libc
/// cannot corrupt memory. The posix_spawn family returns its error number instead of setting
/// errno, so only the classic calls use <c>SetLastError</c>.
/// </remarks>
internal static unsafe partial class Interop
{
    private const string Libc = "libc";

    /// <summary>Bytes allocated for each opaque libc struct (glibc's largest, posix_spawnattr_t, is 336).</summary>
    internal const nuint OpaqueStructSize = 1024;

    // Values from the Linux headers; identical on x86-64 and arm64.
    internal const int O_RDONLY = 0;
    internal const int O_RDWR = 2;
    internal const int O_CREAT = 0x40;
    internal const int O_CLOEXEC = 0x80000;
    internal const int F_OFD_SETLK = 37;
    internal const short F_WRLCK = 1;
    internal const int WNOHANG = 1;
    internal const int F_OK = 0;
    internal const int X_OK = 1;
    internal const int SIGKILL = 9;
    internal const int SIGTERM = 15;
    internal const int SIGSTOP = 19;
    internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
    internal const short POSIX_SPAWN_SETSIGMASK = 0x08;
    internal const short POSIX_SPAWN_SETSID = 0x80;
    internal const int AT_FDCWD = -100;
    internal const int AT_SYMLINK_NOFOLLOW = 0x100;
    internal const uint STATX_TYPE_MODE_UID = 0x1 | 0x2 | 0x8;
    internal const int StatxSize = 256;
    internal const int SOL_SOCKET = 1;
    internal const int SO_PEERCRED = 17;

    [LibraryImport(Libc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int posix_spawn(out int pid, string path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport(Libc)]
    internal static partial int posix_spawnattr_init(void* attr);

    [LibraryImport(Libc)]
    internal static partial int posix_spawnattr_destroy(void* attr);

    [LibraryImport(Libc)]
    internal static partial int posix_spawnattr_setflags(void* attr, short flags);

    [LibraryImport(Libc)]
    internal static partial int posix_spawnattr_setsigdefault(void* attr, void* sigset);

    [LibraryImport(Libc)]
    internal static partial int posix_spawnattr_setsigmask(void* attr, void* sigset);

    [LibraryImport(Libc)]
    internal static partial int posix_spawn_file_actions_init(void* fileActions);

    [LibraryImport(Libc)]
    internal static partial int posix_spawn_file_actions_destroy(void* fileActions);

    [LibraryImport(Libc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int posix_spawn_file_actions_addopen(void* fileActions, int fd, string path, int flags, uint mode);

    [LibraryImport(Libc)]
    internal static partial int posix_spawn_file_actions_adddup2(void* fileActions, int fd, int newFd);

    [LibraryImport(Libc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int posix_spawn_file_actions_addchdir_np(void* fileActions, string path);

    [LibraryImport(Libc)]
    internal static partial int posix_spawn_file_actions_addclosefrom_np(void* fileActions, int lowFd);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int sigemptyset(void* sigset);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int sigfillset(void* sigset);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int sigdelset(void* sigset, int signal);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int pipe2(int* fds, int flags);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int kill(int pid, int signal);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int waitpid(int pid, out int status, int options);

    /// <summary>Sets the process-wide file mode creation mask and returns the previous one.</summary>
    [LibraryImport(Libc)]
    internal static partial uint umask(uint mask);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int access(string path, int mode);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int getpgid(int pid);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int getsid(int pid);

    internal const int _SC_CLK_TCK = 2;

    /// <summary>sysconf(3); the resource sampler asks it for the clock ticks per second of /proc's times.</summary>
    [LibraryImport(Libc, SetLastError = true)]
    internal static partial long sysconf(int name);

    /// <summary>
    /// open(2) with a creation mode. Declared with a fixed third argument although libc's is
    /// variadic: on Linux x86-64 and arm64 an int variadic argument travels exactly like a fixed one.
    /// </summary>
    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags, uint mode);

    /// <summary>open(2) of an existing file by a NUL-terminated path, without a creation mode.</summary>
    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int open(byte* path, int flags);

    /// <summary>fcntl(2) for the record-lock commands, whose third argument is a <see cref="FileLock"/>.</summary>
    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int fcntl(int fd, int command, FileLock* fileLock);

    internal const int F_GETFL = 3;
    internal const int F_SETFL = 4;

    /// <summary>fcntl(2) for the commands whose third argument is an int (file status flags).</summary>
    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int fcntl(int fd, int command, int argument);

    [LibraryImport(Libc)]
    internal static partial uint geteuid();

    /// <summary>getpwnam_r(3): 0 and a null <paramref name="result"/> mean "no such user".</summary>
    [LibraryImport(Libc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int getpwnam_r(string name, PasswdEntry* entry, byte* buffer, nuint size, PasswdEntry** result);

    [LibraryImport(Libc)]
    internal static partial int getpwuid_r(uint uid, PasswdEntry* entry, byte* buffer, nuint size, PasswdEntry** result);

    /// <summary>getgrouplist(3): -1 when <paramref name="count"/> was too small, which it then updates.</summary>
    [LibraryImport(Libc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int getgrouplist(string user, uint group, uint* groups, ref int count);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int setgroups(nuint count, uint* groups);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int setgid(uint gid);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int setuid(uint uid);

    /// <summary>signal(2), used only to put an ignored signal back to SIG_DFL (0) before an exec.</summary>
    [LibraryImport(Libc)]
    internal static partial nint signal(int signal, nint handler);

    [LibraryImport(Libc)]
    internal static partial int sigprocmask(int how, void* set, void* oldSet);

    /// <summary>execv(3): runs <paramref name="path"/> with this process's environment; returns only on failure.</summary>
    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int execv(string path, byte** argv);

    internal const int SIG_SETMASK = 2;

    internal const int O_NONBLOCK = 0x800;
    internal const int EPOLL_CLOEXEC = O_CLOEXEC;
    internal const int EPOLL_CTL_ADD = 1;
    internal const int EPOLL_CTL_DEL = 2;
    internal const uint EPOLLIN = 0x001;
    internal const uint EPOLLERR = 0x008;
    internal const uint EPOLLHUP = 0x010;
    internal const int EFD_CLOEXEC = O_CLOEXEC;
    internal const int EFD_NONBLOCK = O_NONBLOCK;

    /// <summary>pidfd_open's number, the same on every architecture (the syscalls added since Linux 5.1 share one table).</summary>
    internal const long SYS_pidfd_open = 434;

    /// <summary>
    /// syscall(2), for pidfd_open (Linux 5.3), which glibc wraps only from 2.36 on. Declared with
    /// fixed arguments although libc's is variadic: glibc's syscall is assembly that only moves
    /// registers, and int arguments travel in the same registers either way.
    /// </summary>
    [LibraryImport(Libc, SetLastError = true)]
    internal static partial long syscall(long number, int pid, uint flags);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int epoll_create1(int flags);

    /// <summary><paramref name="ev"/> points to one <c>struct epoll_event</c>, laid out by <see cref="EpollSet"/>.</summary>
    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int epoll_ctl(int epfd, int op, int fd, byte* ev);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int epoll_wait(int epfd, byte* events, int maxEvents, int timeout);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int eventfd(uint initval, int flags);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int close(int fd);

    /// <summary>
    /// <c>struct passwd</c>: unlike the spawn types it is a documented public struct whose glibc
    /// layout has not changed since it exists, the same on x86-64 and arm64.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PasswdEntry
    {
        public byte* Name;
        public byte* Password;
        public uint Uid;
        public uint Gid;
        public byte* Gecos;
        public byte* Home;
        public byte* Shell;
    }

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mkdir(string path, uint mode);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int chmod(string path, uint mode);

    /// <summary>
    /// statx(2), whose <c>struct statx</c> (256 bytes) is fixed by the kernel on every
    /// architecture, unlike <c>struct stat</c>; see <see cref="FileStatus"/> for the fields read.
    /// </summary>
    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int statx(int directoryFd, string path, int flags, uint mask, byte* buffer);

    /// <summary>getsockopt(2); for <see cref="SO_PEERCRED"/> the value is a <see cref="PeerCredentials"/>.</summary>
    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int getsockopt(nint socket, int level, int option, void* value, ref uint length);

    internal const short POLLERR = 0x008;
    internal const short POLLHUP = 0x010;
    internal const short POLLNVAL = 0x020;

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary><c>struct pollfd</c>, a kernel ABI struct, the same on every architecture.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary><c>struct ucred</c>, a kernel ABI struct: the peer's PID, uid and gid when it connected.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PeerCredentials
    {
        public int Pid;
        public uint Uid;
        public uint Gid;
    }

    /// <summary>
    /// <c>struct flock</c>, a kernel ABI struct (not an opaque libc one), the same on x86-64 and
    /// arm64. A zero <see cref="Start"/> and <see cref="Length"/> with <see cref="Whence"/> SEEK_SET
    /// cover the whole file however long it grows.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct FileLock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }
}
