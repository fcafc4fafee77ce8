using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Collects the exit statuses of the children we spawned, and only of those.
/// </summary>
/// <remarks>
/// <para>
/// Why a table of pids: the .NET runtime reaps the children of <see cref="System.Diagnostics.Process"/>
/// with <c>waitpid(pid)</c> for each pid it started, and so do we. <c>waitpid(-1)</c> would take
/// the exit status of whichever child ended, including a <c>Process</c> some other code waits on.
/// A child that exits before it is registered stays a zombie, status intact, until we ask for it;
/// <see cref="Register"/> wakes the loop so that a SIGCHLD that came early is not lost.
/// </para>
/// <para>
/// Wake-ups come from SIGCHLD through <see cref="PosixSignalRegistration"/> and from a slow safety
/// tick (signals coalesce and can be missed when SIGCHLD is ignored). They collapse into one
/// pending wake-up; a single loop reaps and then calls the exit callback, outside the lock, in
/// exit order.
/// </para>
/// <para>
/// Reaping and signalling share a lock, and a reaped pid is forgotten at once, so we never signal
/// a pid that the kernel may already have given to another process.
/// </para>
/// </remarks>
internal sealed class ChildReaper : IDisposable
{
    private const int SIGCHLD = 17;

    private readonly Lock _gate = new();
    private readonly HashSet<int> _pids = [];
    private readonly Action<ExitStatus> _onExit;
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly PosixSignalRegistration _sigchld;
    private readonly ITimer _safetyTick;

    /// <param name="onExit">Called on the reaper's own thread for each exit; must not block or throw.</param>
    /// <param name="timeProvider">Clock for the safety tick.</param>
    /// <param name="safetyTick">How often to look without a SIGCHLD; about a second is plenty.</param>
    public ChildReaper(Action<ExitStatus> onExit, TimeProvider timeProvider, TimeSpan safetyTick)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("TuiSupervisor supervises processes on Linux only.");
        }
        _onExit = onExit;
        Warning = DescribeRuntimeReaping();
        // Not cancelled: after the handlers the runtime finishes its own SIGCHLD work (restoring
        // the terminal for console apps), which must still happen.
        _sigchld = PosixSignalRegistration.Create(PosixSignal.SIGCHLD, _ => Wake());
        _safetyTick = timeProvider.CreateTimer(_ => Wake(), null, safetyTick, safetyTick);
        _ = Task.Run(RunAsync);
    }

    /// <summary>
    /// Set when the runtime or the kernel reaps our children before we can (we are PID 1, or were
    /// started with SIGCHLD ignored): exits are then still noticed, but as <c>exit status unknown</c>.
    /// </summary>
    public string? Warning { get; }

    /// <summary>Starts watching a pid we just spawned, and looks at once in case it already exited.</summary>
    public void Register(int pid)
    {
        lock (_gate)
        {
            _pids.Add(pid);
        }
        Wake();
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
        _sigchld.Dispose();
        _safetyTick.Dispose();
        _wakeups.Writer.TryComplete();
    }

    private void Wake() => _wakeups.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        try
        {
            while (await _wakeups.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                // Consume the wake-up before looking, so one that arrives meanwhile means another pass.
                _wakeups.Reader.TryRead(out _);
                foreach (ExitStatus exit in ReapExited())
                {
                    _onExit(exit);
                }
            }
        }
        catch (Exception e)
        {
            // A supervisor that silently stops noticing exits is worse than one that stops: this is
            // a bug (waitpid failing on our own child, or a throwing callback), so end loudly, as the
            // runtime does when its own reaping fails.
            Environment.FailFast("The child reaper failed; process exits would go unnoticed.", e);
        }
    }

    private List<ExitStatus> ReapExited()
    {
        List<ExitStatus> exited = [];
        lock (_gate)
        {
            foreach (int pid in _pids)
            {
                if (TryReap(pid) is ExitStatus status)
                {
                    exited.Add(status);
                }
            }
            foreach (ExitStatus status in exited)
            {
                _pids.Remove(status.Pid);
            }
        }
        return exited;
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
                "'exit status unknown') and exits are noticed only by the periodic check; start with SIGCHLD at its default";
        }
        return null;
    }
}
