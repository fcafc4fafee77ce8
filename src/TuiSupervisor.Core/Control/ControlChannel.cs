using System.Net.Sockets;
using System.Text.Json;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// One client connection to an engine's control socket: requests out, replies in, one JSON line
/// each. <c>ctl</c> uses one per command; <see cref="ControlClient"/> one per operation.
/// </summary>
public sealed class ControlChannel : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly LineReader _reader;

    private ControlChannel(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new LineReader(_stream, ControlProtocol.MaxReplyBytes);
    }

    /// <summary>The engine's PID, from its greeting.</summary>
    public int EnginePid { get; private set; }

    /// <summary>What a path that is not a socket is (a regular file, a folder…); null for a socket or when it cannot be told.</summary>
    private static string? NotASocket(string path)
    {
        try
        {
            return FileStatus.Of(path) switch
            {
                null or { IsSocket: true } => null,
                { IsDirectory: true } => "a folder",
                { IsSymlink: true } => null,
                _ => "a file",
            };
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Connects and reads the engine's greeting; throws <see cref="ControlUnavailableException"/> when nobody answers or we are refused.</summary>
    public static async Task<ControlChannel> ConnectAsync(string socketPath, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var reason = e.SocketErrorCode switch
            {
                // .NET reports a missing socket file as "cannot assign requested address".
                _ when !File.Exists(socketPath) && !Directory.Exists(socketPath) => "no such socket: is the engine running, with this config?",
                _ when NotASocket(socketPath) is { } what => $"it is {what}, not a socket: name the engine's socket, or its config with -c",
                SocketError.ConnectionRefused => "connection refused: the engine that made it is gone",
                SocketError.AccessDenied => "permission denied",
                _ => e.Message,
            };
            throw new ControlUnavailableException($"no engine answers at {socketPath} ({reason})", e);
        }

        var channel = new ControlChannel(socket);
        try
        {
            using var hello = await channel.ReadDocumentAsync(cancellationToken).ConfigureAwait(false);
            var greeting = hello?.RootElement;
            if (Text(greeting, "type") == "error")
                throw new ControlUnavailableException($"the engine at {socketPath} refused us: {Text(greeting, "error")}");
            if (Text(greeting, "type") != "hello" || Number(greeting, "pid") is not { } pid)
                throw new ControlUnavailableException($"no engine answers at {socketPath} (it closed the connection without a greeting)");
            channel.EnginePid = pid;
            return channel;
        }
        catch
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task SendAsync(ControlRequest request, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(request, ControlWriter.Default.ControlRequest);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        await _stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next reply, or null when the engine closed the connection.</summary>
    public async Task<ControlReply?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var (status, line) = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return status switch
        {
            LineStatus.Line => JsonSerializer.Deserialize(line, ControlJson.Default.ControlReply),
            LineStatus.TooLong => throw new IOException($"a reply longer than {ControlProtocol.MaxReplyBytes} bytes"),
            _ => null,
        };
    }

    /// <summary>
    /// The next reply as a plain JSON document, or null when the engine closed the connection.
    /// For one-shot clients (<c>ctl</c>): reading a <see cref="ControlReply"/> builds the
    /// serializer's metadata for every type a reply can hold, whose generic code the JIT compiles
    /// (about 1,200 methods, 60 ms) before the first answer; a document needs none of it.
    /// </summary>
    public async Task<JsonDocument?> ReadDocumentAsync(CancellationToken cancellationToken = default)
    {
        var (status, line) = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return status switch
        {
            LineStatus.Line => JsonDocument.Parse(line),
            LineStatus.TooLong => throw new IOException($"a reply longer than {ControlProtocol.MaxReplyBytes} bytes"),
            _ => null,
        };
    }

    /// <summary>A string property of a reply document, or null when absent or not a string.</summary>
    public static string? Text(JsonElement? reply, string name) =>
        reply is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>An integer property of a reply document, or null when absent or not an integer.</summary>
    public static int? Number(JsonElement? reply, string name) =>
        reply is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>Sends one request and reads its one reply; an error reply or a closed connection throws.</summary>
    public async Task<ControlReply> AskAsync(ControlRequest request, CancellationToken cancellationToken = default)
    {
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var reply = await ReadAsync(cancellationToken).ConfigureAwait(false) ?? throw new IOException("the engine closed the connection without answering");
        return reply.Type == "error" ? throw new InvalidOperationException($"the engine refused '{request.Op}': {reply.Error}") : reply;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}
