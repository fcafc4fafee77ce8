using System.Buffers;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// One client of the control socket: reads request lines (bounded), hands them to the
/// <see cref="ControlRequestHandler"/>, and writes replies from a bounded queue on its own task.
/// </summary>
/// <remarks>
/// Engine subscriptions call <see cref="Send"/> and <see cref="OfferSnapshot"/> on the engine's
/// loop, so neither may ever wait: a reply that does not fit in the queue drops the client (it is
/// not reading), and snapshots are coalesced into one slot, so a slow TUI gets the newest
/// snapshot rather than a backlog. Streams that run on their own task (tail -f) use
/// <see cref="SendAsync"/>, which waits for room a while before giving up on the client.
/// </remarks>
internal sealed class ControlConnection : IDisposable
{
    /// <summary>How long a closing connection may take to flush its last replies.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a stream waits for a client to make room before dropping it.</summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Stands in the queue for "the newest snapshot", taken from the slot when written.</summary>
    private static readonly ControlReply SnapshotMarker = new("snapshot");

    private readonly Socket _socket;
    private readonly ControlRequestHandler _handler;
    private readonly TimeProvider _time;
    private readonly Channel<ControlReply> _outgoing = Channel.CreateBounded<ControlReply>(new BoundedChannelOptions(ControlProtocol.OutgoingQueueLength) { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _abort = new();
    private EngineSnapshot? _pendingSnapshot;

    public ControlConnection(Socket socket, ControlRequestHandler handler, TimeProvider time)
    {
        _socket = socket;
        _handler = handler;
        _time = time;
        Closing = _closing.Token;
    }

    /// <summary>Cancelled when the connection is ending: the client closed it, it failed, or the engine stops.</summary>
    public CancellationToken Closing { get; }

    /// <summary>Serves the connection until it ends; never throws.</summary>
    public async Task RunAsync()
    {
        var writer = WriteRepliesAsync();
        try
        {
            await ReadRequestsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the engine is stopping: nothing to answer.
        }
        finally
        {
            await _closing.CancelAsync().ConfigureAwait(false);
            _outgoing.Writer.TryComplete();
            try
            {
                await writer.WaitAsync(DrainTimeout, _time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await _abort.CancelAsync().ConfigureAwait(false);
            }

            _socket.Dispose();
        }
    }

    /// <summary>Ends the connection from outside (the engine stops); a request being answered still gets its reply.</summary>
    public void Close()
    {
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }

    /// <summary>Call once <see cref="RunAsync"/> has ended.</summary>
    public void Dispose()
    {
        _closing.Dispose();
        _abort.Dispose();
    }

    /// <summary>Queues a reply without waiting; when the queue is full the client is not reading and is dropped.</summary>
    public bool Send(ControlReply reply)
    {
        if (_outgoing.Writer.TryWrite(reply))
            return true;

        // Cancelling runs the connection's continuations; never on the engine's loop.
        _outgoing.Writer.TryComplete();
        ThreadPool.QueueUserWorkItem(_ => Drop());
        return false;
    }

    /// <summary>Queues a reply, waiting a while for room (for streams on their own task, never for the engine's loop).</summary>
    public async ValueTask SendAsync(ControlReply reply)
    {
        try
        {
            await _outgoing.Writer.WriteAsync(reply, Closing).AsTask().WaitAsync(StallTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Drop();
        }
        catch (ChannelClosedException)
        {
            // Ending anyway.
        }
    }

    /// <summary>Makes <paramref name="snapshot"/> the next snapshot written, replacing one not yet written.</summary>
    public void OfferSnapshot(EngineSnapshot snapshot)
    {
        if (Interlocked.Exchange(ref _pendingSnapshot, snapshot) is null)
            Send(SnapshotMarker);
    }

    /// <summary>Answers with an error and ends the connection after it is written.</summary>
    public void Fail(string message)
    {
        Send(ControlReply.Fail(message));
        Close();
    }

    private void Drop()
    {
        _outgoing.Writer.TryComplete();
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }

        Close();
    }

    private async Task ReadRequestsAsync()
    {
        Send(new ControlReply("hello") { Pid = _handler.EnginePid });
        using var stream = new NetworkStream(_socket, ownsSocket: false);
        var reader = new LineReader(stream, ControlProtocol.MaxRequestBytes);
        Task? streaming = null;
        while (!Closing.IsCancellationRequested)
        {
            var (status, line) = await reader.ReadLineAsync(Closing).ConfigureAwait(false);
            if (status == LineStatus.End)
                break;
            if (status == LineStatus.TooLong)
            {
                Fail($"request line longer than {ControlProtocol.MaxRequestBytes} bytes");
                break;
            }

            if (line.Length == 0 || (line.Length == 1 && line[0] == '\r'))
                continue;
            if (streaming is not null)
            {
                Fail("this connection is streaming; send further requests on another connection");
                break;
            }

            if (Parse(line) is not { } request)
                break;
            var work = _handler.HandleAsync(request, this);
            if (ControlRequestHandler.IsStream(request))
                streaming = work;
            else
                await work.ConfigureAwait(false);
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        if (streaming is not null)
            await streaming.ConfigureAwait(false);
    }

    private ControlRequest? Parse(byte[] line)
    {
        ControlRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(line, ControlJson.Default.ControlRequest);
        }
        catch (JsonException e)
        {
            Fail($"malformed request: {e.Message}");
            return null;
        }

        if (request is null)
            Fail("malformed request: expected a JSON object");
        else if (request.V != ControlProtocol.Version)
            Fail($"protocol version {request.V} is not supported; this engine speaks version {ControlProtocol.Version}");
        else
            return request;
        return null;
    }

    private async Task WriteRepliesAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            await foreach (var queued in _outgoing.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                var reply = ReferenceEquals(queued, SnapshotMarker)
                    ? new ControlReply("snapshot") { Snapshot = Interlocked.Exchange(ref _pendingSnapshot, null) }
                    : queued;
                buffer.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(buffer, ControlWire.Writer))
                    JsonSerializer.Serialize(json, reply, ControlWire.Reply);
                buffer.Write("\n"u8);
                await _socket.SendAsync(buffer.WrittenMemory, SocketFlags.None, _abort.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Drop();
        }
    }
}
