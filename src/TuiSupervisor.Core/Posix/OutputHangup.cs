namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Notices when nobody reads a descriptor any more: the reader of a pipe exited (<c>ctl tail -f
/// web | head -2</c>) or the terminal hung up. A follow that waits for output would otherwise
/// learn it only at its next write, which for a quiet process may never come.
/// </summary>
public static class OutputHangup
{
    /// <summary>How often the watch looks at its cancellation between polls.</summary>
    private const int PollMilliseconds = 500;

    /// <summary>
    /// Ends when <paramref name="fd"/> reports POLLERR, POLLHUP or POLLNVAL, or when
    /// <paramref name="cancellationToken"/> is cancelled (then without an exception). Asking for
    /// no events means only those conditions wake it: a regular file never does.
    /// </summary>
    public static Task WaitAsync(int fd, CancellationToken cancellationToken) => Task.Factory.StartNew(
        () => Wait(fd, cancellationToken),
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private static unsafe void Wait(int fd, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var watch = new Interop.PollFd { Fd = fd };
            if (Interop.poll(&watch, 1, PollMilliseconds) > 0 && (watch.Revents & (Interop.POLLERR | Interop.POLLHUP | Interop.POLLNVAL)) != 0)
                return;
        }
    }
}
