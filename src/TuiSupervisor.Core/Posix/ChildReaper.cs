using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Collects the exit statuses of the children we spawned, and only of those.
/// </summary>
/// <remarks>
/// <para>
/// Why a table of pids: the .NET runtime reaps the children of <see cref="System.Diagnostics.Process"/>
/// with <c>waitpid(pid)</c> for each pid it started, and so do we. <c>waitpid(-1)</c> would take
/// the exit status of whichever child ended, including a <c>Process</c> some other code waits on.
/// A child that exits before it is registered stays a zombie, status intact, until we ask for it.
/// </para>
/// <para>
/// How exits are noticed: each child gets a pidfd (Linux 5.3), which becomes readable when the
/// child exits, and one thread sleeps in epoll over all of them. An exit wakes that thread for
/// that pid alone: one <c>waitpid</c> per exit, and nothing at all while no child exits (a
/// periodic pass over every pid cost 100 <c>wait4</c> a second with 100 children, plus a thread
/// pool wake-up). A pidfd opened after the child already exited is readable at once, so no exit
/// can slip between the spawn and the registration.
/// </para>
/// <para>
/// Where pidfds are not available (an older kernel, a seccomp filter, no descriptors left), the
/// pids concerned are watched the old way, see <c>ChildReaper.Fallback.cs</c>: SIGCHLD through
/// <see cref="PosixSignalRegistration"/> and a slow safety tick, each waking a pass over those pids.
/// </para>
/// <para>
/// Reaping and signalling share a lock, and a reaped pid is forgotten at once, so we never signal
/// a pid that the kernel may already have given to another process. Exits are delivered outside
/// the lock, one at a time, in the order they were reaped.
/// </para>
/// </remarks>
internal sealed partial class ChildReaper : IDisposable
{
    private const int SIGCHLD = 17;

    /// <summary>
    /// How long to wait before asking again about a child whose pidfd said "exited" but which
    /// waitpid cannot collect yet (a tracer such as strace collects it first).
    /// </summary>
    private const int RetryMilliseconds = 10;

    private readonly Lock _gate = new();
    private readonly Lock _delivery = new();
    private readonly HashSet<int> _pids = [];
    private readonly Dictionary<int, int> _pidfds = [];
    private readonly List<int> _retry = [];
    private readonly Action<ExitStatus> _onExit;
    private readonly EpollSet? _epoll;
    private volatile bool _disposed;

    /// <param name="onExit">Called for each exit, never twice at once; must not block or throw.</param>
    /// <param name="timeProvider">Clock for the fallback's safety tick.</param>
    /// <param name="safetyTick">How often the fallback looks without a SIGCHLD; about a second is plenty.</param>
    /// <param name="usePidfds">False forces the fallback for every child (tests of the fallback).</param>
    public ChildReaper(Action<ExitStatus> onExit, TimeProvider timeProvider, TimeSpan safetyTick, bool usePidfds = true)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("TuiSupervisor supervises processes on Linux only.");
        }
        _onExit = onExit;
        _time = timeProvider;
        _safetyTickInterval = safetyTick;
        Warning = DescribeRuntimeReaping();
        if (usePidfds)
        {
            _epoll = new EpollSet();
            new Thread(WatchPidfds, 256 * 1024) { IsBackground = true, Name = "reaper" }.Start();
        }
    }

    /// <summary>
    /// Set when the runtime or the kernel reaps our children before we can (we are PID 1, or were
    /// started with SIGCHLD ignored): exits are then still noticed, but as <c>exit status unknown</c>.
    /// </summary>
    public string? Warning { get; }

    /// <summary>Starts watching a pid we just spawned (it may already have exited).</summary>
    public void Register(int pid)
    {
        bool watched;
        lock (_gate)
        {
            _pids.Add(pid);
            watched = TryWatchPidfd(pid);
            if (!watched)
            {
                _unwatched.Add(pid);
            }
        }

        if (!watched)
        {
            WatchBySignal();
        }
    }

    /// <summary>
    /// Signals the process group of a registered child; false once the child has been reaped
    /// (without signalling: its pid may be reused) or when the group is gone.
    /// </summary>
    public bool TrySignalGroup(int pid, int signal)
    {
        lock (_gate)
        {
            return _pids.Contains(pid) && ProcessSignaller.SignalGroup(pid, signal);
        }
    }

    /// <summary>Signals the child alone (not its group), under the same guard against reaped pids.</summary>
    public bool TrySignalProcess(int pid, int signal)
    {
        lock (_gate)
        {
            return _pids.Contains(pid) && ProcessSignaller.SignalProcess(pid, signal);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _epoll?.Interrupt();
        DisposeFallback();
    }

    // Caller holds _gate.
    private bool TryWatchPidfd(int pid)
    {
        if (_epoll is null || _disposed)
        {
            return false;
        }

        var pidfd = (int)Interop.syscall(Interop.SYS_pidfd_open, pid, 0);
        if (pidfd < 0)
        {
            return false;
        }

        _pidfds[pid] = pidfd;
        _epoll.Add(pidfd, (ulong)pid);
        return true;
    }

    private void WatchPidfds()
    {
        Span<ulong> ready = stackalloc ulong[64];
        try
        {
            while (!_disposed)
            {
                var count = _epoll!.Wait(ready, _retry.Count > 0 ? RetryMilliseconds : -1);
                List<ExitStatus> exited = [];
                lock (_gate)
                {
                    foreach (var key in ready[..count])
                    {
                        if (key != EpollSet.InterruptKey)
                        {
                            ReapWatched((int)key, exited);
                        }
                    }

                    RetryCollecting(exited);
                }

                Deliver(exited);
            }
        }
        catch (Exception e)
        {
            // A supervisor that silently stops noticing exits is worse than one that stops: this is
            // a bug (waitpid failing on our own child, or a throwing callback), so end loudly, as the
            // runtime does when its own reaping fails.
            Environment.FailFast("The child reaper failed; process exits would go unnoticed.", e);
        }

        lock (_gate)
        {
            foreach (var pidfd in _pidfds.Values)
            {
                _ = Interop.close(pidfd);
            }

            _pidfds.Clear();
        }

        _epoll!.Dispose();
    }

    // Caller holds _gate. A readable pidfd means the child has exited.
    private void ReapWatched(int pid, List<ExitStatus> exited)
    {
        if (!_pidfds.TryGetValue(pid, out var pidfd))
        {
            return;
        }

        _epoll!.Remove(pidfd);
        _pidfds.Remove(pid);
        _ = Interop.close(pidfd);
        if (TryReap(pid) is { } status)
        {
            _pids.Remove(pid);
            exited.Add(status);
        }
        else
        {
            // Exited, but not collectable yet (a tracer such as strace collects it first): the
            // level-triggered pidfd would wake us in a loop, so ask again every few milliseconds.
            _retry.Add(pid);
        }
    }

    // Caller holds _gate.
    private void RetryCollecting(List<ExitStatus> exited)
    {
        for (var i = _retry.Count - 1; i >= 0; i--)
        {
            if (TryReap(_retry[i]) is { } status)
            {
                _pids.Remove(status.Pid);
                exited.Add(status);
                _retry.RemoveAt(i);
            }
        }
    }

    private void Deliver(List<ExitStatus> exited)
    {
        if (exited.Count == 0)
        {
            return;
        }

        lock (_delivery)
        {
            foreach (var exit in exited)
            {
                _onExit(exit);
            }
        }
    }

    private static ExitStatus? TryReap(int pid)
    {
        while (true)
        {
            int result = Interop.waitpid(pid, out int status, Interop.WNOHANG);
            if (result == pid)
            {
                return ExitStatus.FromWaitStatus(pid, status);
            }
            if (result == 0)
            {
                return null;
            }
            int errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case Errno.EINTR:
                    continue;
                case Errno.ECHILD:
                    // Gone, reaped by the runtime or the kernel (see Warning).
                    return ExitStatus.Unknown(pid);
                default:
                    throw new Win32Exception(errno, $"waitpid({pid}) failed: {Errno.Name(errno)}");
            }
        }
    }

    private static string? DescribeRuntimeReaping()
    {
        if (Environment.ProcessId == 1)
        {
            return "running as PID 1: the .NET runtime reaps every child itself, so exit statuses of programs " +
                "may be lost (shown as 'exit status unknown'); run under an init such as tini (docker run --init)";
        }
        if (ProcStatus.HasSignal("self", "SigIgn", SIGCHLD))
        {
            return "started with SIGCHLD ignored: the kernel discards the exit statuses of programs (shown as " +
                "'exit status unknown'); start with SIGCHLD at its default";
        }
        return null;
    }
}
