using System.Net.Sockets;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Control;

/// <summary>Clients that misbehave get an error or a closed connection; the engine keeps supervising.</summary>
public class ControlHostileClientTests
{
    [Theory]
    [InlineData("{not json", "malformed request")]
    [InlineData("[1,2,3]", "malformed request")]
    [InlineData("null", "malformed request: expected a JSON object")]
    [InlineData("{\"v\":99,\"op\":\"status\"}", "protocol version 99 is not supported")]
    [InlineData("{\"v\":1,\"op\":\"frobnicate\"}", "unknown op 'frobnicate'")]
    [InlineData("{\"v\":1,\"op\":\"start\"}", "'start' needs \"processes\"")]
    public async Task A_bad_request_gets_an_error_reply_and_a_closed_connection(string line, string error)
    {
        await using var engine = new SocketEngine();
        using var raw = engine.Connect();
        raw.SendLine(line);
        var reply = raw.Read()!;
        Assert.Equal("error", reply.Type);
        Assert.StartsWith(error, reply.Error, StringComparison.Ordinal);
        Assert.Null(raw.Read());
        Assert.Equal(ExitCodes.NotRunning, engine.Run("status").Exit);
    }

    [Fact]
    public async Task A_100_MB_line_is_refused_after_the_limit_without_being_buffered()
    {
        await using var engine = new SocketEngine();
        using var raw = engine.Connect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'x');
        var sender = Task.Run(() =>
        {
            try
            {
                for (var i = 0; i < 100; i++)
                    raw.Socket.Send(chunk);
                return false;
            }
            catch (SocketException)
            {
                return true;
            }
        });

        var reply = raw.Read()!;
        Assert.Equal("error", reply.Type);
        Assert.Equal($"request line longer than {ControlProtocol.MaxRequestBytes} bytes", reply.Error);
        Assert.True(await sender.WaitAsync(TimeSpan.FromSeconds(30)), "the engine read all 100 MB instead of closing the connection");

        // The test's own chunk is 1 MB; the engine held at most its 64 KiB line buffer.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore < 16 * 1024 * 1024, "the long line was buffered");
        Assert.Equal(ProcessState.Running, engine.Engine.Process("sleeper").State);
        Assert.Equal(ExitCodes.NotRunning, engine.Run("status").Exit);
    }

    [Fact]
    public async Task A_client_that_never_reads_is_dropped_when_its_queue_is_full_and_the_engine_goes_on()
    {
        await using var engine = new SocketEngine();
        using var raw = engine.Connect();
        raw.Socket.ReceiveBufferSize = 4096;
        raw.Send(new ControlRequest { Op = "subscribe" });

        // The feed's first replies come once the subscription is in place on the engine's loop;
        // events announced before that would reach nobody and never fill the client's queue.
        Assert.Equal("events", raw.Read()?.Type);
        Assert.Equal("snapshot", raw.Read()?.Type);

        // Events reach subscribers from the engine's loop, which must never wait for a client.
        var message = new string('e', 1000);
        for (var i = 0; i < 20_000 && engine.Server.ConnectionCount > 0; i++)
            engine.Engine.Supervisor.Announce(EventLevel.Info, message);
        Poll.Until(() => engine.Server.ConnectionCount == 0, "the stuck client to be dropped");

        Assert.Equal(["idle: started"], engine.Run("start idle").Lines);
    }

    [Fact]
    public async Task A_thousand_connections_opened_and_dropped_leave_nothing_behind()
    {
        await using var engine = new SocketEngine();
        engine.Run("status");
        Poll.Until(() => engine.Server.ConnectionCount == 0, "the first connection to end");
        var descriptorsBefore = OpenDescriptors();

        var refused = 0;
        for (var i = 0; i < 1000; i++)
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(engine.SocketPath));

            // Some leave at once, some mid-request, some after a whole request. Churn this fast
            // meets the connection limit now and then: a refused one is closed by the engine.
            try
            {
                if (i % 3 == 1)
                    socket.Send("{\"v\":1,\"op\":\"sta"u8);
                else if (i % 3 == 2)
                    socket.Send("{\"v\":1,\"op\":\"subscribe\"}\n"u8);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.Shutdown or SocketError.ConnectionReset)
            {
                refused++;
            }
        }

        Assert.True(refused < 1000, "every connection was refused");
        Poll.Until(() => engine.Server.ConnectionCount == 0, $"every connection to be closed (still {engine.Server.ConnectionCount})", 30_000);
        Poll.Until(() => OpenDescriptors() <= descriptorsBefore + 5, $"the descriptors to be released ({OpenDescriptors()} open, {descriptorsBefore} before)", 30_000);
        Assert.Equal(ExitCodes.NotRunning, engine.Run("status").Exit);
    }

    [Fact]
    public async Task Connections_over_the_limit_are_refused_with_an_error()
    {
        await using var engine = new SocketEngine();
        var held = Enumerable.Range(0, ControlProtocol.MaxConnections).Select(_ => engine.Connect()).ToList();
        try
        {
            using var extra = new SocketEngine.Raw(engine.SocketPath);
            var reply = extra.Read()!;
            Assert.Equal("error", reply.Type);
            Assert.StartsWith("too many connections", reply.Error, StringComparison.Ordinal);
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }

        Poll.Until(() => engine.Server.ConnectionCount == 0, "the held connections to close");
        Assert.Equal(ExitCodes.NotRunning, engine.Run("status").Exit);
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
}
