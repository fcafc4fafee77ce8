using System.Text;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Control;

/// <summary>The client side of the socket as the TUI will use it (attach): the same <see cref="ISupervisor"/>.</summary>
public class ControlClientTests
{
    [Fact]
    public async Task The_client_is_an_ISupervisor_whose_live_feed_follows_the_engine()
    {
        await using var engine = new SocketEngine();
        engine.Engine.WaitForState("sleeper", ProcessState.Running);
        await using var client = await ControlClient.ConnectAsync(engine.SocketPath);
        Assert.Equal(Environment.ProcessId, client.EnginePid);
        Assert.Equal(["idle", "sleeper", "talker"], client.Current.Processes.Select(p => p.FullName).Order(StringComparer.Ordinal));
        Assert.Contains(client.RecentEvents(100), e => e.Message.Contains("spawned: 'sleeper'", StringComparison.Ordinal));

        var snapshots = new List<EngineSnapshot>();
        var events = new List<EngineEvent>();
        using var subscription = client.Subscribe(
            s =>
            {
                lock (snapshots)
                    snapshots.Add(s);
            },
            e =>
            {
                lock (events)
                    events.Add(e);
            });
        lock (snapshots)
            Assert.Single(snapshots);

        Assert.Equal([new ActionResult("idle", ActionOutcome.Started)], await client.StartAsync(["idle"]));
        Poll.Until(() => client.Current.Find("idle")?.State == ProcessState.Running, "the feed to show idle RUNNING");
        lock (snapshots)
            Assert.Contains(snapshots, s => s.Find("idle")?.State == ProcessState.Running);
        Poll.Until(() => Locked(events, () => events.Any(e => e.Message == "operator: start idle")), "the start's event through the feed");

        Assert.Equal([new ActionResult("idle", ActionOutcome.Signalled)], await client.SignalAsync(28, ["idle"]));
        Assert.Equal([new ActionResult("idle", ActionOutcome.Stopped)], await client.StopAsync(["idle"]));
        Assert.Equal(ProcessState.Stopped, (await client.SnapshotAsync()).Find("idle")!.State);

        Poll.Until(() => engine.Engine.Tail("talker").Length > 0, "talker's first line");
        Assert.StartsWith("line ", Encoding.UTF8.GetString(await client.TailAsync("talker", stderr: false, 1)), StringComparison.Ordinal);
        Assert.Empty(await client.TailAsync("talker", stderr: true, 1));

        using var following = new CancellationTokenSource();
        var followed = new StringBuilder();
        await foreach (var bytes in client.FollowOutputAsync("talker", stderr: false, 1, following.Token))
        {
            followed.Append(Encoding.UTF8.GetString(bytes));
            if (followed.ToString().Count(c => c == '\n') >= 3)
                await following.CancelAsync();
        }

        Assert.Matches(@"^line \d+\nline \d+\nline \d+\n", followed.ToString());

        engine.Engine.Toml += "\n[programs.added]\ncommand = \"sleep 1000\"\nautostart = false\n";
        var reload = await client.ReloadAsync(apply: true);
        Assert.Equal(ReloadStatus.Done, reload.Status);
        Poll.Until(() => client.Current.Find("added") is not null, "the feed to show the added program");

        await client.ShutdownAsync();
        Assert.Equal(1, engine.ShutdownRequests);
        Assert.All(engine.Engine.Snapshot().Processes, p => Assert.False(p.State.IsRunningLike(), $"{p.FullName} is {p.State}"));
        Poll.Until(() => client.Current.Processes.All(p => !p.State.IsRunningLike()), "the feed to show every process stopped");
    }

    [Fact]
    public async Task The_feed_ends_when_the_engine_closes_its_socket()
    {
        var engine = new SocketEngine();
        await using var client = await ControlClient.ConnectAsync(engine.SocketPath);
        await engine.DisposeAsync();
        await client.Disconnected.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(File.Exists(engine.SocketPath), "the socket file outlived the server");
    }

    [Fact]
    public async Task No_engine_at_the_path_is_an_error_naming_the_socket()
    {
        var path = Path.Combine(Path.GetTempPath(), "tuisupervisor-none-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.ConnectAsync(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static bool Locked<T>(List<T> list, Func<bool> check)
    {
        lock (list)
            return check();
    }
}
