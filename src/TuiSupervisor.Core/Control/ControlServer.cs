using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// The engine's control socket (spec section 8): a Unix domain socket, mode 0600, in a folder
/// only we can change, serving the newline-delimited JSON protocol of docs/control-protocol.md.
/// Every connection's peer is checked by SO_PEERCRED: the engine's own user and root are served,
/// anyone else gets an error line and is logged. Clients cost the engine's loop only queue writes.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(6);

    private readonly Socket _listener;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<ControlConnection, Task> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly uint _ownUid = Interop.geteuid();
    private Task _accepting = Task.CompletedTask;
    private Action<string> _warn = _ => { };

    private ControlServer(string path, Socket listener, TimeProvider time)
    {
        Path = path;
        _listener = listener;
        _time = time;
    }

    public string Path { get; }

    /// <summary>Connections being served now.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>
    /// Listens at <paramref name="path"/>: prepares its folder, replaces a stale socket left by a
    /// dead engine, and refuses a path where an engine still answers or that is not a socket.
    /// Nothing is served until <see cref="Start"/>.
    /// </summary>
    public static bool TryListen(string path, TimeProvider time, out ControlServer? server, out string? error)
    {
        server = null;
        error = ControlSocketPath.PrepareFolder(path) ?? RemoveStale(path);
        if (error is not null)
            return false;
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));

            // The folder is ours alone, so nobody can reach the socket in the moment before this.
            if (Interop.chmod(path, 0b_110_000_000) != 0)
                throw new IOException($"chmod 0600: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            listener.Listen(128);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            listener.Dispose();
            error = $"cannot listen on control socket {path}: {e.Message}";
            return false;
        }

        server = new ControlServer(path, listener, time);
        return true;
    }

    /// <summary>
    /// Starts serving. <paramref name="requestShutdown"/> is called for <c>shutdown</c> (the face
    /// that owns the engine ends); <paramref name="warn"/> reports refused peers.
    /// </summary>
    public void Start(ISupervisor supervisor, Action requestShutdown, Action<string> warn)
    {
        _warn = warn;
        var handler = new ControlRequestHandler(supervisor, requestShutdown, _time);
        _accepting = AcceptAsync(handler);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
            connection.Close();
        try
        {
            await Task.WhenAll(_connections.Values).WaitAsync(CloseTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Each connection bounds its own drain; this only guards against a bug there.
        }

        if (FileStatus.Of(Path) is { IsSocket: true })
            File.Delete(Path);
        _stop.Dispose();
    }

    private async Task AcceptAsync(ControlRequestHandler handler)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // Out of file descriptors, most likely: wait a little instead of spinning.
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time).ConfigureAwait(false);
                continue;
            }

            Admit(client, handler);
        }
    }

    private void Admit(Socket client, ControlRequestHandler handler)
    {
        var peer = PeerOf(client);
        if (peer is not { } credentials || (credentials.Uid != _ownUid && credentials.Uid != 0))
        {
            var who = peer is { } p ? $"uid {p.Uid} (pid {p.Pid})" : "a peer whose uid could not be read";
            _warn($"control socket: refused a connection from {who}: only uid {_ownUid} and root may connect");
            Refuse(client, $"permission denied: {who} may not control this engine");
            return;
        }

        if (_connections.Count >= ControlProtocol.MaxConnections)
        {
            Refuse(client, $"too many connections (the limit is {ControlProtocol.MaxConnections}); try again later");
            return;
        }

        var connection = new ControlConnection(client, handler, _time);
        _connections[connection] = Task.Run(async () =>
        {
            await connection.RunAsync().ConfigureAwait(false);
            _connections.TryRemove(connection, out _);
            connection.Dispose();
        });
    }

    /// <summary>One error line, written without waiting (a fresh socket's buffer has room), then closed.</summary>
    private static void Refuse(Socket client, string message)
    {
        try
        {
            client.Blocking = false;
            client.Send(ControlWire.Line(ControlReply.Fail(message)));
        }
        catch (SocketException)
        {
            // It is gone already.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static unsafe Interop.PeerCredentials? PeerOf(Socket client)
    {
        Interop.PeerCredentials credentials;
        var length = (uint)sizeof(Interop.PeerCredentials);
        return Interop.getsockopt((int)client.Handle, Interop.SOL_SOCKET, Interop.SO_PEERCRED, &credentials, ref length) == 0 ? credentials : null;
    }

    /// <summary>Removes a socket file nobody answers at; refuses a live one or something that is not a socket.</summary>
    private static string? RemoveStale(string path)
    {
        if (FileStatus.Of(path) is not { } status)
            return null;
        if (!status.IsSocket)
            return $"control socket path {path} exists and is not a socket; remove it or choose another [supervisor] socket";
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return $"another engine is listening on control socket {path}";
        }
        catch (SocketException)
        {
            File.Delete(path);
            return null;
        }
    }
}
