using System.Net.Sockets;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Control;

public class ControlConnectionTests
{
    [Fact]
    public async Task A_slow_feed_reader_gets_the_newest_snapshot_rather_than_a_backlog()
    {
        await using var engine = new SocketEngine();
        var (server, client) = SocketPair();
        var handler = new ControlRequestHandler(engine.Engine.Supervisor, () => { }, TimeProvider.System);
        using var connection = new ControlConnection(server, handler, TimeProvider.System);
        var running = connection.RunAsync();

        // Offered as fast as the engine's loop could, while the client reads nothing.
        var snapshot = engine.Engine.Supervisor.Current;
        const int Offered = 10_000;
        for (var version = 1; version <= Offered; version++)
            connection.OfferSnapshot(snapshot with { Version = version });

        using (var reader = new SocketEngine.Raw(client))
        {
            Assert.Equal("hello", reader.Read()!.Type);
            var versions = new List<long>();
            while (versions.LastOrDefault() != Offered)
                versions.Add(reader.Read()!.Snapshot!.Version);

            Assert.True(versions.Count < Offered / 10, $"{versions.Count} snapshots written for {Offered} offered");
            Assert.Equal(versions.Order(), versions);
        }

        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static (Socket Server, Socket Client) SocketPair()
    {
        var path = Path.Combine(Path.GetTempPath(), "tuisupervisor-pair-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        client.Connect(new UnixDomainSocketEndPoint(path));
        var server = listener.Accept();
        File.Delete(path);
        return (server, client);
    }
}
