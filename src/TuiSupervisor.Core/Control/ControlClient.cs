using System.Runtime.CompilerServices;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// A running engine, reached through its control socket, as an <see cref="ISupervisor"/>: the
/// TUI (<c>attach</c>) runs over this exactly as over an in-process engine. A live feed keeps
/// <see cref="Current"/> and the recent events up to date; each operation uses a connection of
/// its own, so a long start never holds up a tail.
/// </summary>
public sealed class ControlClient : ISupervisor, IAsyncDisposable
{
    private const int EventHistory = 2000;

    private readonly string _socketPath;
    private readonly ControlChannel _feed;
    private readonly Lock _lock = new();
    private readonly Queue<EngineEvent> _events = new();
    private readonly List<(Action<EngineSnapshot> OnSnapshot, Action<EngineEvent> OnEvent)> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private EngineSnapshot _current;
    private Task _reading = Task.CompletedTask;

    private ControlClient(string socketPath, ControlChannel feed, EngineSnapshot first, IEnumerable<EngineEvent> history)
    {
        _socketPath = socketPath;
        _feed = feed;
        _current = first;
        foreach (var engineEvent in history)
            _events.Enqueue(engineEvent);
    }

    public EngineSnapshot Current => Volatile.Read(ref _current);

    public int EnginePid => _feed.EnginePid;

    /// <summary>Ends when the engine closes the live feed (it stopped) or the client is disposed.</summary>
    public Task Disconnected => _reading;

    /// <summary>Connects and waits for the first snapshot; throws <see cref="ControlUnavailableException"/> when no engine answers.</summary>
    public static async Task<ControlClient> ConnectAsync(string socketPath, CancellationToken cancellationToken = default)
    {
        var feed = await ControlChannel.ConnectAsync(socketPath, cancellationToken).ConfigureAwait(false);
        try
        {
            await feed.SendAsync(new ControlRequest { Op = "subscribe", Count = EventHistory }, cancellationToken).ConfigureAwait(false);
            var history = await feed.ReadAsync(cancellationToken).ConfigureAwait(false);
            var first = await feed.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (history?.Events is not { } events || first?.Snapshot is not { } snapshot)
                throw new ControlUnavailableException($"the engine at {socketPath} did not start the live feed ({history?.Error ?? first?.Error ?? "connection closed"})");
            var client = new ControlClient(socketPath, feed, snapshot, events);
            client._reading = client.ReadFeedAsync();
            return client;
        }
        catch
        {
            await feed.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public IDisposable Subscribe(Action<EngineSnapshot> onSnapshot, Action<EngineEvent> onEvent)
    {
        var subscriber = (onSnapshot, onEvent);
        lock (_lock)
        {
            _subscribers.Add(subscriber);
            onSnapshot(_current);
        }

        return new Unsubscriber(() =>
        {
            lock (_lock)
                _subscribers.Remove(subscriber);
        });
    }

    /// <summary>Nothing to ask: the engine samples for as long as this client is subscribed (its <c>subscribe</c> op watches usage).</summary>
    public IDisposable WatchUsage() => new Unsubscriber(() => { });

    /// <summary>Nothing to ask: the engine refreshes the figures for the requests that show them.</summary>
    public Task RefreshUsageAsync() => Task.CompletedTask;

    public IReadOnlyList<EngineEvent> RecentEvents(int count)
    {
        lock (_lock)
            return [.. _events.Skip(Math.Max(0, _events.Count - count))];
    }

    public async Task<EngineSnapshot> SnapshotAsync() =>
        (await AskAsync(new ControlRequest { Op = "snapshot" }).ConfigureAwait(false)).Snapshot ?? throw MissingField("snapshot");

    public Task<IReadOnlyList<ActionResult>> StartAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default) =>
        ActAsync(new ControlRequest { Op = "start", Processes = processes }, cancellationToken);

    public Task<IReadOnlyList<ActionResult>> StopAsync(IReadOnlyList<string> processes, CancellationToken cancellationToken = default) =>
        ActAsync(new ControlRequest { Op = "stop", Processes = processes }, cancellationToken);

    public Task<IReadOnlyList<ActionResult>> SignalAsync(int signal, IReadOnlyList<string> processes, CancellationToken cancellationToken = default) =>
        ActAsync(new ControlRequest { Op = "signal", Signal = signal, Processes = processes }, cancellationToken);

    public async Task<byte[]> TailAsync(string process, bool stderr, int lines) =>
        (await AskAsync(new ControlRequest { Op = "tail", Process = process, Stderr = stderr, Count = lines }).ConfigureAwait(false)).Data ?? [];

    public async IAsyncEnumerable<byte[]> FollowOutputAsync(string process, bool stderr, int lines, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = await ControlChannel.ConnectAsync(_socketPath, cancellationToken).ConfigureAwait(false);
        await using (channel.ConfigureAwait(false))
        {
            await channel.SendAsync(new ControlRequest { Op = "tail", Process = process, Stderr = stderr, Count = lines, Follow = true }, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                ControlReply? reply;
                try
                {
                    reply = await channel.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (reply?.Data is not { } data)
                    yield break;
                yield return data;
            }
        }
    }

    public async Task<ReloadOutcome> ReloadAsync(bool apply, IReadOnlyCollection<string>? groups = null, CancellationToken cancellationToken = default)
    {
        var reply = await AskAsync(new ControlRequest { Op = "reload", Apply = apply, Groups = groups?.ToList() }, cancellationToken).ConfigureAwait(false);
        var status = reply.Failed == true ? ReloadStatus.ConfigErrors : reply.Refused == true ? ReloadStatus.Refused : ReloadStatus.Done;
        return new ReloadOutcome(reply.Lines ?? [], status);
    }

    /// <summary>Stops the engine and everything it runs; ends when every process has stopped.</summary>
    public Task ShutdownAsync() => AskAsync(new ControlRequest { Op = "shutdown" });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _feed.DisposeAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task<IReadOnlyList<ActionResult>> ActAsync(ControlRequest request, CancellationToken cancellationToken) =>
        (await AskAsync(request, cancellationToken).ConfigureAwait(false)).Results ?? throw MissingField("results");

    private async Task<ControlReply> AskAsync(ControlRequest request, CancellationToken cancellationToken = default)
    {
        var channel = await ControlChannel.ConnectAsync(_socketPath, cancellationToken).ConfigureAwait(false);
        await using (channel.ConfigureAwait(false))
            return await channel.AskAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadFeedAsync()
    {
        try
        {
            while (await _feed.ReadAsync(_stop.Token).ConfigureAwait(false) is { } reply)
            {
                lock (_lock)
                {
                    if (reply.Snapshot is { } snapshot)
                    {
                        Volatile.Write(ref _current, snapshot);
                        foreach (var subscriber in _subscribers.ToArray())
                            subscriber.OnSnapshot(snapshot);
                    }

                    if (reply.Event is { } engineEvent)
                    {
                        _events.Enqueue(engineEvent);
                        if (_events.Count > EventHistory)
                            _events.Dequeue();
                        foreach (var subscriber in _subscribers.ToArray())
                            subscriber.OnEvent(engineEvent);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The engine went away, or we are closing: Disconnected says so.
        }
    }

    private static InvalidOperationException MissingField(string field) => new($"the engine's reply has no '{field}'");

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
