using System.Diagnostics;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Control;

/// <summary>The socket's file modes, its folder's safety checks, and the SO_PEERCRED check of another uid.</summary>
public class ControlPermissionTests
{
    private const int NobodyUid = 65534;

    [Fact]
    public async Task The_socket_is_0600_in_a_folder_created_0700()
    {
        await using var engine = new SocketEngine();
        Assert.Equal(0b_110_000_000, FileStatus.Of(engine.SocketPath)!.Value.Permissions);
        Assert.Equal(0b_111_000_000, FileStatus.Of(Path.GetDirectoryName(engine.SocketPath)!)!.Value.Permissions);
    }

    [Fact]
    public void A_folder_writable_by_others_is_refused()
    {
        using var folder = new ScratchFolder();
        Chmod(folder.Path, 0b_111_111_111);
        var error = ControlSocketPath.PrepareFolder(Path.Combine(folder.Path, "s.sock"));
        Assert.Equal($"control socket folder {folder.Path} is writable by others (mode 777); make it 0700 or choose another [supervisor] socket", error);
    }

    [OtherUserFact]
    public void A_folder_owned_by_someone_else_is_refused()
    {
        using var folder = new ScratchFolder();
        Run("chown", "nobody", folder.Path);
        var error = ControlSocketPath.PrepareFolder(Path.Combine(folder.Path, "s.sock"));
        Assert.Equal($"control socket folder {folder.Path} belongs to uid {NobodyUid}, not to us (uid 0); refusing to listen there", error);
    }

    [Fact]
    public async Task A_stale_socket_is_replaced_a_live_one_and_a_plain_file_are_refused()
    {
        await using var engine = new SocketEngine();
        Assert.False(ControlServer.TryListen(engine.SocketPath, TimeProvider.System, out _, out var live));
        Assert.Equal($"another engine is listening on control socket {engine.SocketPath}", live);

        using var folder = new ScratchFolder();
        var stale = Path.Combine(folder.Path, "stale.sock");
        using (var dead = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
            dead.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(stale));
        Assert.True(ControlServer.TryListen(stale, TimeProvider.System, out var replaced, out var error), error);
        await replaced!.DisposeAsync();

        var plain = Path.Combine(folder.Path, "plain");
        File.WriteAllText(plain, "not a socket");
        Assert.False(ControlServer.TryListen(plain, TimeProvider.System, out _, out var notSocket));
        Assert.StartsWith($"control socket path {plain} exists and is not a socket", notSocket, StringComparison.Ordinal);
    }

    [OtherUserFact(needsClient: true)]
    public async Task Another_user_cannot_even_reach_the_socket()
    {
        await using var engine = new SocketEngine();
        var (output, _) = ConnectAsNobody(engine.SocketPath);
        Assert.Contains("PermissionError", output, StringComparison.Ordinal);
    }

    [OtherUserFact(needsClient: true)]
    public async Task A_connection_from_another_uid_is_refused_by_its_peer_credentials_and_logged()
    {
        // Open the folder and the socket to everyone, as a careless admin might: the kernel
        // lets nobody connect, and only the SO_PEERCRED check stands in the way.
        await using var engine = new SocketEngine();
        Chmod(engine.Engine.Folder, 0b_111_101_101);
        Chmod(Path.GetDirectoryName(engine.SocketPath)!, 0b_111_001_001);
        Chmod(engine.SocketPath, 0b_110_110_110);

        var (output, exit) = ConnectAsNobody(engine.SocketPath);
        Assert.Equal(0, exit);
        Assert.Matches($@"^\{{""type"":""error"",""v"":1,""error"":""permission denied: uid {NobodyUid} \(pid \d+\) may not control this engine""\}}\n$", output);
        Poll.Until(() => engine.Engine.Messages.Any(m => m.StartsWith($"control socket: refused a connection from uid {NobodyUid} (pid ", StringComparison.Ordinal)), "the refusal in the events");
        Assert.Equal(0, engine.Server.ConnectionCount);
    }

    /// <summary>Connects as nobody and prints everything the engine sends (or the Python error) until it closes.</summary>
    private static (string Output, int Exit) ConnectAsNobody(string socketPath)
    {
        const string Script = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(sys.argv[1])
            except PermissionError as e:
                print("PermissionError", e); sys.exit(0)
            try:
                s.sendall(b'{"v":1,"op":"run","line":"status"}\n')
            except (BrokenPipeError, ConnectionResetError):
                pass  # refused before our request went out; the refusal is still there to read
            data = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    break  # closed with our request unread: the refusal came first
                if not chunk: break
                data += chunk
            sys.stdout.write(data.decode())
            """;
        var start = new ProcessStartInfo("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", OtherUserFactAttribute.SystemPython!, "-c", Script, socketPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "the client as nobody did not finish");
        process.WaitForExit();
        Assert.True(error.Result.Length == 0, error.Result);
        return (output.Result, process.ExitCode);
    }

    private static void Chmod(string path, int mode) => Assert.Equal(0, Interop.chmod(path, (uint)mode));

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(file, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private sealed class ScratchFolder : IDisposable
    {
        public ScratchFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tuisupervisor-sock-" + Guid.NewGuid().ToString("N")[..8]);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
