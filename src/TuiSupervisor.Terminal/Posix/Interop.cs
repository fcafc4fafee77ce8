using System.Runtime.InteropServices;

namespace TuiSupervisor.Terminal;

/// <summary>
/// Every native call of the terminal layer, in one place: termios, the window size, isatty,
/// poll, read and write on the terminal, and the signals we send ourselves. Linux only.
/// </summary>
/// <remarks>
/// <c>struct termios</c> is never mirrored: callers pass a buffer of <see cref="TermiosBufferSize"/>
/// bytes (glibc's is 60) and only the four flag words at their fixed offsets and two entries of
/// <c>c_cc</c> are read or changed, so the rest of the struct round-trips untouched.
/// </remarks>
internal static unsafe partial class Interop
{
    private const string Libc = "libc";

    internal const int TermiosBufferSize = 256;

    // struct termios on Linux (x86-64 and arm64): four 32-bit flag words, c_line, then c_cc[32].
    internal const int IflagOffset = 0;
    internal const int OflagOffset = 4;
    internal const int CflagOffset = 8;
    internal const int LflagOffset = 12;
    internal const int CcOffset = 17;
    internal const int VTIME = 5;
    internal const int VMIN = 6;

    internal const uint IGNBRK = 0x1, BRKINT = 0x2, PARMRK = 0x8, ISTRIP = 0x20, INLCR = 0x40, IGNCR = 0x80, ICRNL = 0x100, IXON = 0x400;
    internal const uint OPOST = 0x1;
    internal const uint CSIZE = 0x30, CS8 = 0x30, PARENB = 0x100;
    internal const uint ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHONL = 0x40, IEXTEN = 0x8000;
    internal const int TCSANOW = 0;

    internal const nuint TIOCGWINSZ = 0x5413;
    internal const short POLLIN = 0x1, POLLOUT = 0x4;
    internal const int O_RDWR = 2, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    internal const int EINTR = 4, EAGAIN = 11;
    internal const int SIGSTOP = 19;

    [StructLayout(LayoutKind.Sequential)]
    internal struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int isatty(int fd);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int ioctl(int fd, nuint request, WinSize* size);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int pipe2(int* fds, int flags);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport(Libc, SetLastError = true)]
    internal static partial int kill(int pid, int signal);

    [LibraryImport(Libc)]
    internal static partial int getpid();

    internal static bool IsTerminal(int fd) => isatty(fd) == 1;

    /// <summary>The window size of the terminal on <paramref name="fd"/>, or null when it cannot be read.</summary>
    internal static TerminalSize? WindowSize(int fd)
    {
        WinSize size;
        if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.Columns == 0 || size.Rows == 0)
            return null;
        return new TerminalSize(size.Columns, size.Rows);
    }

    /// <summary>Writes every byte, retrying after interruptions and waiting while the terminal is full; false when it is gone.</summary>
    internal static bool WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var written = write(fd, start + offset, data.Length - offset);
                if (written > 0)
                {
                    offset += (int)written;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (written < 0 && errno == EINTR)
                    continue;
                if (written < 0 && errno == EAGAIN)
                {
                    var pfd = new PollFd { Fd = fd, Events = POLLOUT };
                    poll(&pfd, 1, 1000);
                    continue;
                }

                return false;
            }
        }

        return true;
    }
}
