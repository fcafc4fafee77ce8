using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Control;

/// <summary>A real engine with its control socket in a scratch folder, and raw-socket helpers for the tests.</summary>
internal sealed class SocketEngine : IAsyncDisposable
{
    public const string Config = """
        [programs.sleeper]
        command = "sleep 1000"
        startsecs = 0
        [programs.talker]
        command = ["sh", "-c", "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.05; done"]
        startsecs = 0
        [programs.idle]
        command = "sleep 1000"
        autostart = false
        """;

    private int _shutdownRequests;

    public SocketEngine(string toml = Config)
    {
        Engine = new RealEngine(toml);
        SocketPath = Path.Combine(Engine.Folder, "ctl", "engine.sock");
        Assert.True(ControlServer.TryListen(SocketPath, TimeProvider.System, out var server, out var error), error);
        Server = server!;
        Server.Start(Engine.Supervisor, () => Interlocked.Increment(ref _shutdownRequests), message => Engine.Supervisor.Announce(Core.Engine.EventLevel.Warn, message));
        Engine.Supervisor.StartAutostartProgramsAsync().GetAwaiter().GetResult();
    }

    public RealEngine Engine { get; }

    public ControlServer Server { get; }

    public string SocketPath { get; }

    public int ShutdownRequests => Volatile.Read(ref _shutdownRequests);

    /// <summary>A raw connection, its greeting already read.</summary>
    public Raw Connect()
    {
        var raw = new Raw(SocketPath);
        Assert.Equal("hello", raw.Read()?.Type);
        return raw;
    }

    /// <summary>Runs one command line over a fresh connection and returns its result.</summary>
    public ControlReply Run(string line)
    {
        using var raw = Connect();
        raw.Send(new ControlRequest { Op = "run", Line = line });
        var reply = raw.Read() ?? throw new InvalidOperationException($"no answer to '{line}'");
        Assert.Equal("result", reply.Type);
        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Engine.DisposeAsync();
    }

    /// <summary>A blocking client socket speaking the protocol line by line, with a read deadline.</summary>
    internal sealed class Raw : IDisposable
    {
        private readonly NetworkStream _stream;
        private readonly StreamReader _reader;

        public Raw(string path)
            : this(Connected(path))
        {
        }

        public Raw(Socket socket)
        {
            Socket = socket;
            Socket.ReceiveTimeout = 15_000;
            _stream = new NetworkStream(Socket, ownsSocket: true);
            _reader = new StreamReader(_stream, Encoding.UTF8);
        }

        public Socket Socket { get; }

        public void Send(ControlRequest request) => SendLine(JsonSerializer.Serialize(request, ControlJson.Default.ControlRequest));

        public void SendLine(string line) => _stream.Write(Encoding.UTF8.GetBytes(line + "\n"));

        /// <summary>The next reply, or null when the engine closed the connection.</summary>
        public ControlReply? Read() => _reader.ReadLine() is { } line ? JsonSerializer.Deserialize(line, ControlJson.Default.ControlReply) : null;

        private static Socket Connected(string path)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return socket;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _stream.Dispose();
        }
    }
}
