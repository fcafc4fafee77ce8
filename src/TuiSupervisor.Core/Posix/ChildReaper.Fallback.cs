using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace TuiSupervisor.Core.Posix;

// The fallback for children without a pidfd (see the class remarks): SIGCHLD, and a slow safety
// tick for when signals are lost (SIGCHLD ignored), each wake a pass over those pids only. Set up
// on the first such child and kept: where pidfds are refused once, they will be again.
internal sealed partial class ChildReaper
{
    private readonly HashSet<int> _unwatched = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _safetyTickInterval;
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Lock _fallbackGate = new();
    private PosixSignalRegistration? _sigchld;
    private ITimer? _safetyTick;

    /// <summary>Makes sure the fallback runs, and looks at once (the child may already have exited).</summary>
    private void WatchBySignal()
    {
        lock (_fallbackGate)
        {
            // (Linux always: the constructor refuses other systems; the check informs the platform analyzer.)
            if (_sigchld is null && !_disposed && OperatingSystem.IsLinux())
            {
                // Not cancelled: after the handlers the runtime finishes its own SIGCHLD work
                // (restoring the terminal for console apps), which must still happen.
                _sigchld = PosixSignalRegistration.Create(PosixSignal.SIGCHLD, _ => Wake());
                _safetyTick = _time.CreateTimer(_ => Wake(), null, _safetyTickInterval, _safetyTickInterval);
                _ = Task.Run(RunFallbackAsync);
            }
        }

        Wake();
    }

    private void Wake() => _wakeups.Writer.TryWrite(true);

    private async Task RunFallbackAsync()
    {
        try
        {
            while (await _wakeups.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                // Consume the wake-up before looking, so one that arrives meanwhile means another pass.
                _wakeups.Reader.TryRead(out _);
                Deliver(ReapUnwatched());
            }
        }
        catch (Exception e)
        {
            Environment.FailFast("The child reaper failed; process exits would go unnoticed.", e);
        }
    }

    private List<ExitStatus> ReapUnwatched()
    {
        List<ExitStatus> exited = [];
        lock (_gate)
        {
            foreach (int pid in _unwatched)
            {
                if (TryReap(pid) is ExitStatus status)
                {
                    exited.Add(status);
                }
            }
            foreach (ExitStatus status in exited)
            {
                _unwatched.Remove(status.Pid);
                _pids.Remove(status.Pid);
            }
        }
        return exited;
    }

    private void DisposeFallback()
    {
        lock (_fallbackGate)
        {
            _sigchld?.Dispose();
            _safetyTick?.Dispose();
        }

        _wakeups.Writer.TryComplete();
    }
}
