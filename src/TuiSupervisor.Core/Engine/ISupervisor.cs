namespace TuiSupervisor.Core.Engine;

/// <summary>
/// The engine as its faces see it: the headless shell, the control socket and the TUI all drive
/// it through this, so that each operation has one meaning everywhere.
/// </summary>
public interface ISupervisor
{
    /// <summary>The latest snapshot.</summary>
    EngineSnapshot Current { get; }

    /// <summary>The snapshot after everything queued so far has been applied.</summary>
    Task<EngineSnapshot> SnapshotAsync();

    /// <summary>The engine's own PID.</summary>
    int EnginePid { get; }

    /// <summary>
    /// Calls <paramref name="onSnapshot"/> with the current snapshot and then with every new one,
    /// and <paramref name="onEvent"/> with every new event, until the subscription is disposed.
    /// Callbacks run on the engine's loop: they must be quick and must not block.
    /// </summary>
    IDisposable Subscribe(Action<EngineSnapshot> onSnapshot, Action<EngineEvent> onEvent);

    /// <summary>
    /// Asks for CPU and memory samples (<see cref="ProcessSnapshot.Usage"/>) until disposed. The
    /// engine samples /proc only while somebody watches (a TUI, an attached client) or a program
    /// has <c>limits</c>: a pass over /proc every two seconds was most of an idle engine's CPU.
    /// </summary>
    IDisposable WatchUsage();

    /// <summary>
    /// Takes a sample now when nobody watches, so a one-off answer (<c>ctl --json status</c>)
    /// carries memory, and CPU over the time since the previous one-off sample; the snapshot
    /// after it has the figures. While somebody watches, the periodic sample is fresh enough.
    /// </summary>
    Task RefreshUsageAsync();

    /// <summary>The most recent events, oldest first.</summary>
    IReadOnlyList<EngineEvent> RecentEvents(int count);

    /// <summary>Starts processes (by full name) in priority order, and waits until each is RUNNING or has failed.</summary>
    Task<IReadOnlyList<ActionResult>> StartAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default);

    /// <summary>Stops processes, signalled together, and waits until each has stopped.</summary>
    Task<IReadOnlyList<ActionResult>> StopAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default);

    /// <summary>Sends a signal to each running process's group.</summary>
    Task<IReadOnlyList<ActionResult>> SignalAsync(int signal, IReadOnlyList<string> processes, CancellationToken cancellationToken = default);

    /// <summary>The last lines of a process's output (stdout, or stderr when <paramref name="stderr"/>).</summary>
    Task<byte[]> TailAsync(string process, bool stderr, int lines);

    /// <summary>
    /// The last <paramref name="lines"/> lines of a process's output, then everything it prints
    /// from then on, until <paramref name="cancellationToken"/> ends the follow (<c>tail -f</c>).
    /// Nothing at all for an unknown process.
    /// </summary>
    IAsyncEnumerable<byte[]> FollowOutputAsync(string process, bool stderr, int lines, CancellationToken cancellationToken);

    /// <summary>
    /// Re-reads the config. With <paramref name="apply"/> it applies the difference (supervisorctl's
    /// <c>update</c>), limited to <paramref name="groups"/> when any are named (<c>update NAME…</c>;
    /// <c>all</c> is every group); without, it only reports it (<c>reread</c>).
    /// </summary>
    Task<ReloadOutcome> ReloadAsync(bool apply, IReadOnlyCollection<string>? groups = null, CancellationToken cancellationToken = default);

    /// <summary>Stops everything in reverse priority order, one priority at a time, and ends the engine.</summary>
    Task ShutdownAsync();
}
