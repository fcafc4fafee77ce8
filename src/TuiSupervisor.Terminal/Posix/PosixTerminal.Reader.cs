using System.Runtime.InteropServices;

namespace TuiSupervisor.Terminal;

/// <summary>
/// The input thread: poll() on the terminal and on a wake-up pipe, so <see cref="Dispose"/> can
/// stop it without closing the terminal under a blocked read.
/// </summary>
public sealed partial class PosixTerminal
{
    private Thread? _reader;
    private int _wakeRead = -1;
    private int _wakeWrite = -1;

    private unsafe void StartReader()
    {
        if (_reader is not null || _disposed)
            return;
        var fds = stackalloc int[2];
        if (Interop.pipe2(fds, Interop.O_CLOEXEC | Interop.O_NONBLOCK) != 0)
            throw new InvalidOperationException($"pipe2 failed: errno {Marshal.GetLastPInvokeError()}");
        _wakeRead = fds[0];
        _wakeWrite = fds[1];
        _reader = new Thread(ReadLoop) { Name = "Terminal input", IsBackground = true };
        _reader.Start();
    }

    private unsafe void StopReader()
    {
        Thread? reader;
        lock (_gate)
            reader = _reader;
        if (reader is null)
            return;
        byte wake = 1;
        Interop.write(_wakeWrite, &wake, 1);
        if (!ReferenceEquals(Thread.CurrentThread, reader))
            reader.Join(TimeSpan.FromSeconds(2));
        Interop.close(_wakeRead);
        Interop.close(_wakeWrite);
    }

    private unsafe void ReadLoop()
    {
        var buffer = new byte[4096];
        var fds = stackalloc Interop.PollFd[2];
        while (true)
        {
            fds[0] = new Interop.PollFd { Fd = _inputFd, Events = Interop.POLLIN };
            fds[1] = new Interop.PollFd { Fd = _wakeRead, Events = Interop.POLLIN };
            if (Interop.poll(fds, 2, -1) < 0)
            {
                if (Marshal.GetLastPInvokeError() == Interop.EINTR)
                    continue;
                return;
            }

            if (fds[1].Revents != 0)
                return;
            if (fds[0].Revents == 0)
                continue;

            nint count;
            fixed (byte* start = buffer)
                count = Interop.read(_inputFd, start, buffer.Length);
            if (count > 0)
            {
                _input?.Invoke(buffer.AsSpan(0, (int)count));
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (count < 0 && (errno == Interop.EINTR || errno == Interop.EAGAIN))
                continue;

            // End of file or an error: the terminal hung up (its window closed, the SSH link dropped).
            RequestTermination(PosixSignal.SIGHUP);
            return;
        }
    }
}
