using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Health;
using TuiSupervisor.Core.Logging;
using TuiSupervisor.Core.Posix;
using TuiSupervisor.Core.Resources;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// The supervision engine. One loop owns every process's state: operator commands, child exits
/// (from the reaper's SIGCHLD handling), timers and log notices all arrive as messages on one
/// channel and are applied in order, so a stop can never race an exit (supervisord's
/// <c>runforever</c>, without its 1-second poll). What the loop decides goes out as immutable
/// snapshots and events.
/// </summary>
public sealed partial class Supervisor : ISupervisor, IAsyncDisposable
{
    private const int EventHistory = 2000;

    /// <summary>The most a follower gets in one piece, so a slow reader holds little memory.</summary>
    private const int FollowChunkBytes = 128 * 1024;

    /// <summary>
    /// How long a follower that has caught up waits before it looks again, so output that arrives
    /// faster goes out in one piece per interval rather than one per pipe read: a child printing
    /// 100,000 lines a second made about 900 pieces a second, each waking the engine and an
    /// attached TUI, which then spent a third of a core on receiving what it does not draw
    /// (bench/README.md, scenario <c>tui</c>). Slower output is not delayed.
    /// </summary>
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(10);

    private readonly Channel<Action> _inbox = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<ProcessSlot> _slots = [];
    private readonly Dictionary<int, ProcessSlot> _byPid = [];
    private readonly List<Subscription> _subscribers = [];
    private readonly Queue<EngineEvent> _events = new();
    private readonly TimeProvider _time;
    private readonly ProcessSpawner _spawner;
    private readonly ChildReaper _reaper;
    private readonly ExecProbeRunner _execProbes;
    private readonly HealthCheckHttp _http = new();
    private readonly SemaphoreSlim _probeGate = new(MaxConcurrentProbes);
    private readonly ResourceMonitor _resources;
    private readonly OutputPump _output = new();
    private readonly IReadOnlyDictionary<string, string> _engineEnvironment;
    private readonly Func<ConfigLoadResult> _loadConfig;
    private readonly LeftoverProcesses? _children;
    private bool _childrenRecordFailed;
    private bool _childrenChanged;
    private readonly Task _loop;
    private SupervisorConfig _config;
    private EngineSnapshot _current;
    private long _eventSequence;
    private bool _dirty;

    /// <param name="config">The config to run.</param>
    /// <param name="loadConfig">Reads the config again, for <c>reload</c>.</param>
    /// <param name="time">Every clock and timer of the engine.</param>
    /// <param name="engineEnvironment">The environment children inherit.</param>
    /// <param name="heldPidFile">The pidfile whose lock the caller holds; the running children's PIDs are kept beside it for recovery after a SIGKILL (see <see cref="StopLeftoversAsync"/>). Null for none.</param>
    public Supervisor(SupervisorConfig config, Func<ConfigLoadResult> loadConfig, TimeProvider time, IReadOnlyDictionary<string, string> engineEnvironment, string? heldPidFile = null)
    {
        _config = config;
        _definitions = ConfigDiff.Definitions(config);
        _loadConfig = loadConfig;
        _children = heldPidFile is null ? null : new LeftoverProcesses(LeftoverProcesses.StateFileFor(heldPidFile));
        _time = time;
        _engineEnvironment = engineEnvironment;
        _reaper = new ChildReaper(exit =>
        {
            if (!_execProbes!.TryComplete(exit))
                Post(() => OnExit(exit));
        }, time, TimeSpan.FromSeconds(1));
        _spawner = new ProcessSpawner(_reaper);
        _execProbes = new ExecProbeRunner(_spawner);
        foreach (var program in config.Programs.Where(p => p.Enabled))
            _slots.AddRange(program.Processes.Select(process => new ProcessSlot(program, process)));
        _current = BuildSnapshot(0);
        _loop = Task.Factory.StartNew(RunLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        _resources = new ResourceMonitor(RunningPids, usage => Post(() => OnUsage(usage)), time);
        UpdateSampling();
        if (_reaper.Warning is { } warning)
            Post(() => Emit(null, EventLevel.Warn, warning));
        Post(() => CleanUpPreviousAutoLogs(config.Supervisor.ChildLogDir));
    }

    public EngineSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// How to start our own executable's <see cref="UserSwitch"/> mode, for programs with
    /// <c>user</c> set; without it such programs cannot switch and fail to spawn.
    /// </summary>
    public IReadOnlyList<string>? UserSwitchLauncher { get; init; }

    public int EnginePid => Environment.ProcessId;

    public IDisposable Subscribe(Action<EngineSnapshot> onSnapshot, Action<EngineEvent> onEvent)
    {
        var subscription = new Subscription(this, onSnapshot, onEvent);
        Post(() =>
        {
            _subscribers.Add(subscription);
            onSnapshot(_current);
        });
        return subscription;
    }

    public IReadOnlyList<EngineEvent> RecentEvents(int count)
    {
        lock (_events)
            return [.. _events.Skip(Math.Max(0, _events.Count - count))];
    }

    public Task<byte[]> TailAsync(string process, bool stderr, int lines) => Invoke(() =>
    {
        var slot = _slots.FirstOrDefault(s => s.FullName == process);
        return slot is null ? [] : (stderr ? slot.Stderr : slot.Stdout).ReadLastLines(lines).Bytes.ToArray();
    });

    public async IAsyncEnumerable<byte[]> FollowOutputAsync(string process, bool stderr, int lines, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ring = await Invoke(() => _slots.FirstOrDefault(s => s.FullName == process) is { } slot ? (stderr ? slot.Stderr : slot.Stdout) : null).ConfigureAwait(false);
        if (ring is null)
            yield break;

        // The ring is safe to read from any thread, so following it costs the loop nothing.
        var last = ring.ReadLastLines(lines);
        if (!last.Bytes.IsEmpty)
            yield return last.Bytes.ToArray();
        var offset = last.NextOffset;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ring.WaitForDataAsync(offset, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            var slice = ring.ReadFrom(offset, FollowChunkBytes);
            offset = slice.NextOffset;
            yield return slice.Bytes.ToArray();
            // A full piece means more is waiting: it goes at once; a short one caught up.
            if (slice.Bytes.Length == FollowChunkBytes)
                continue;
            try
            {
                await Task.Delay(FollowInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Starts every autostart process in dependency order, then priority (without waiting for RUNNING, as
    /// supervisord); the task ends when the starts are under way and visible in <see cref="Current"/>.
    /// </summary>
    public Task StartAutostartProgramsAsync() => Invoke(() =>
    {
        if (ShuttingDown)
            return;
        foreach (var slot in InStartOrder(_slots.Where(s => s.Program.AutoStart)))
        {
            if (slot.Runtime.State is ProcessState.Stopped)
                StartOrWait(slot);
        }

        Publish();
    });

    /// <summary>The snapshot after everything queued so far has been applied (a command sees its predecessors' effects).</summary>
    public Task<EngineSnapshot> SnapshotAsync() => Invoke(() =>
    {
        if (_dirty)
            Publish();
        return _current;
    });

    /// <summary>
    /// Stops the processes an earlier engine left running when it was killed (found through the
    /// state file beside its pidfile, by PID and start time). Call it only while holding the
    /// pidfile's lock, before starting anything: it describes what it did, one line each.
    /// </summary>
    public static Task<IReadOnlyList<string>> StopLeftoversAsync(string pidFile, TimeSpan grace, TimeProvider time) =>
        LeftoverProcesses.StopAsync(LeftoverProcesses.Find(LeftoverProcesses.StateFileFor(pidFile)), grace, time);

    /// <summary>Adds an event from outside the engine (the faces' own notices).</summary>
    public void Announce(EventLevel level, string message) => Post(() => Emit(null, level, message));

    public async ValueTask DisposeAsync()
    {
        _resources.Dispose();
        _inbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        if (_byPid.Count == 0)
            _children?.Clear();
        else
            _children?.Close();
        _output.Dispose();
        foreach (var slot in _slots)
            slot.CloseFiles();
        _http.Dispose();
        _reaper.Dispose();
    }

    /// <summary>Queues work for the loop; it runs after everything queued before it.</summary>
    private void Post(Action work) => _inbox.Writer.TryWrite(work);

    /// <summary>Runs <paramref name="work"/> on the loop; the task ends when it has run.</summary>
    private Task Invoke(Action work)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                work();
                completion.SetResult();
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>Runs <paramref name="work"/> on the loop and hands back its result.</summary>
    private Task<T> Invoke<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>
    /// Applies everything queued, then publishes one snapshot for the whole batch, so a burst of
    /// exits or output notices costs subscribers one update rather than one each.
    /// </summary>
    private async Task RunLoopAsync()
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var work))
            {
                try
                {
                    work();
                }
                catch (Exception e)
                {
                    // A bug, but one process's bug must not stop the supervision of all the others.
                    Emit(null, EventLevel.Error, $"internal error (please report): {e}");
                }
            }

            if (_dirty)
                Publish();
            if (_childrenChanged)
                WriteChildrenRecord();
        }
    }

    private void Publish()
    {
        _dirty = false;
        var snapshot = BuildSnapshot(_current.Version + 1);
        Volatile.Write(ref _current, snapshot);
        foreach (var subscriber in _subscribers)
            subscriber.OnSnapshot(snapshot);
    }

    private EngineSnapshot BuildSnapshot(long version) =>
        new(version, _current?.EngineStartedAt ?? _time.GetUtcNow(), _config.Source, [.. _slots.Select(s => s.ToSnapshot())]);

    private void Emit(string? process, EventLevel level, string message, EventKind kind = EventKind.Engine)
    {
        var engineEvent = new EngineEvent(++_eventSequence, _time.GetUtcNow(), process, level, message, kind);
        lock (_events)
        {
            _events.Enqueue(engineEvent);
            if (_events.Count > EventHistory)
                _events.Dequeue();
        }

        foreach (var subscriber in _subscribers)
            subscriber.OnEvent(engineEvent);
    }

    /// <summary>Notes that the set of running children changed; the record is rewritten once per batch.</summary>
    private void RecordChildren() => _childrenChanged = _children is not null;

    /// <summary>Keeps the record of running children current, for recovery after a SIGKILL of the engine.</summary>
    private void WriteChildrenRecord()
    {
        _childrenChanged = false;
        if (_children?.Record(_byPid.Select(p => (p.Key, p.Value.FullName))) is not { } error || _childrenRecordFailed)
            return;
        _childrenRecordFailed = true;
        Emit(null, EventLevel.Warn, error);
    }

    private void CleanUpPreviousAutoLogs(string childLogDir)
    {
        var cleanup = ChildLogPaths.DeletePreviousAutoLogs(childLogDir);
        foreach (var failure in cleanup.Failed)
            Emit(null, EventLevel.Warn, failure.Message);
    }

    /// <summary>
    /// A subscriber's callbacks. Disposing stops delivery at once (the removal from the list
    /// happens later, on the loop), and a callback that throws is dropped rather than allowed to
    /// stop the loop.
    /// </summary>
    private sealed class Subscription(Supervisor owner, Action<EngineSnapshot> onSnapshot, Action<EngineEvent> onEvent) : IDisposable
    {
        private volatile bool _disposed;

        public void OnSnapshot(EngineSnapshot snapshot) => Deliver(() => onSnapshot(snapshot));

        public void OnEvent(EngineEvent engineEvent) => Deliver(() => onEvent(engineEvent));

        public void Dispose()
        {
            _disposed = true;
            owner.Post(() => owner._subscribers.Remove(this));
        }

        private void Deliver(Action callback)
        {
            if (_disposed)
                return;
            try
            {
                callback();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                Dispose();
            }
        }
    }
}
