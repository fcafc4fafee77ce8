using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Tui;

/// <summary>
/// Follows one process's stdout, stderr or both into a <see cref="LogBuffer"/> (a <c>tail -f</c>
/// per stream, in-process or over the control socket) until disposed. Lines of the two streams
/// are interleaved as they arrive; the backlog of each comes first, stdout's before stderr's.
/// </summary>
internal sealed class LogFollower : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _following;

    private LogFollower(ISupervisor supervisor, string process, LogStream streams, int backlog, Action onData)
    {
        Process = process;
        Streams = streams;
        _following = Task.WhenAll(
            streams.HasFlag(LogStream.Stdout) ? FollowAsync(supervisor, LogStream.Stdout, backlog, onData) : Task.CompletedTask,
            streams.HasFlag(LogStream.Stderr) ? FollowAsync(supervisor, LogStream.Stderr, backlog, onData) : Task.CompletedTask);
    }

    public string Process { get; }

    public LogStream Streams { get; }

    public LogBuffer Buffer { get; } = new();

    /// <summary>Starts following; <paramref name="onData"/> runs on a follow task's thread after each chunk.</summary>
    public static LogFollower Start(ISupervisor supervisor, string process, LogStream streams, int backlog, Action onData) =>
        new(supervisor, process, streams, backlog, onData);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _following.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The follow ended as asked.
        }

        _stop.Dispose();
    }

    private async Task FollowAsync(ISupervisor supervisor, LogStream stream, int backlog, Action onData)
    {
        // Off the caller's thread: the first chunk may arrive synchronously.
        await Task.Yield();
        try
        {
            await foreach (var chunk in supervisor.FollowOutputAsync(Process, stream == LogStream.Stderr, backlog, _stop.Token).ConfigureAwait(false))
            {
                Buffer.Append(stream, chunk);
                onData();
            }
        }
        catch (Exception e) when (e is IOException or TuiSupervisor.Core.Control.ControlUnavailableException)
        {
            // An attached client lost its engine: the screen says so from the snapshot feed.
        }
    }
}
