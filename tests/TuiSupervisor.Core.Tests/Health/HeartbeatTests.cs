using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Health;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Health;

/// <summary>
/// The seeds' heartbeat scenarios, scaled from seconds to fractions of one: a client that keeps
/// writing is left alone, one that stops is restarted after the timeout, and one busy in a long
/// operation is restarted only if the operation overruns the timeout.
/// </summary>
public class HeartbeatTests
{
    private static string Client(string script, string timeout = "1s") => $"""
        [programs.client]
        command = ["/bin/sh", "-c", "{script}"]
        startsecs = 0

        [programs.client.healthcheck]
        type = "heartbeat"
        file = "client.heartbeat"
        timeout = "{timeout}"
        start_period = "0.3s"
        """;

    private const string Beat = "touch \\\"$TUISUPERVISOR_HEARTBEAT_FILE\\\"";

    [Fact]
    public async Task A_client_that_keeps_beating_is_left_alone()
    {
        await using var engine = new RealEngine(Client($"while :; do {Beat}; sleep 0.1; done", timeout: "2s"));
        await engine.Supervisor.StartAutostartProgramsAsync();
        var started = DateTimeOffset.UtcNow;
        Poll.Until(() => engine.Process("client").Health?.Status == HealthStatus.Healthy, "the first beat to be seen");

        // Several timeouts' worth of checks, each of which must have passed.
        Poll.Until(() => engine.Process("client").Health!.Checks[0].Last?.At > started.AddSeconds(3), "3 s of checks");
        var client = engine.Process("client");
        Assert.Equal(ProcessState.Running, client.State);
        Assert.Equal(0, client.Restarts);
        Assert.Null(client.Health!.LastFailure);
        Assert.Equal(Path.Combine(engine.Folder, "client.heartbeat"), client.Health.Checks[0].Target["heartbeat ".Length..]);
    }

    [Fact]
    public async Task A_client_that_stops_beating_is_restarted_after_the_timeout()
    {
        await using var engine = new RealEngine(Client($"for i in 1 2 3; do {Beat}; sleep 0.1; done; exec sleep 1000"));
        await engine.Supervisor.StartAutostartProgramsAsync();
        var first = engine.WaitForState("client", ProcessState.Running).Pid;
        Poll.Until(() => engine.Process("client").Health?.Status == HealthStatus.Healthy, "the beats to be seen");

        Poll.Until(() => engine.Process("client").Restarts >= 1, "the silent client to be restarted");
        var restart = engine.Events.First(e => e.Message.StartsWith("restarting client: unhealthy: no heartbeat for", StringComparison.Ordinal));
        var spawned = engine.Events.Last(e => e.Sequence < restart.Sequence && e.Message.StartsWith("spawned: 'client'", StringComparison.Ordinal));
        Assert.True(restart.Time - spawned.Time >= TimeSpan.FromSeconds(1), "restarted before the timeout had passed");
        Assert.NotEqual(first, engine.Process("client").Pid);
    }

    [Fact]
    public async Task A_long_operation_within_the_timeout_is_left_alone()
    {
        // Beats, then 1 s without one (the timeout is 2.5 s), then beats again.
        await using var engine = new RealEngine(Client($"{Beat}; sleep 0.2; {Beat}; sleep 1; while :; do {Beat}; sleep 0.1; done", timeout: "2.5s"));
        await engine.Supervisor.StartAutostartProgramsAsync();
        var started = DateTimeOffset.UtcNow;
        Poll.Until(() => engine.Process("client").Health!.Checks[0].Last?.At > started.AddSeconds(3.5), "the operation to be over and checked");
        var client = engine.Process("client");
        Assert.Equal(0, client.Restarts);
        Assert.Equal(ProcessState.Running, client.State);
        Assert.DoesNotContain(engine.Events, e => e.Kind == EventKind.Health && e.Message.Contains("unhealthy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_operation_that_overruns_the_timeout_is_restarted()
    {
        // Beats, then 3 s without one: the 1 s timeout runs out in the middle of it.
        await using var engine = new RealEngine(Client($"{Beat}; sleep 0.2; {Beat}; sleep 3; while :; do {Beat}; sleep 0.1; done"));
        await engine.Supervisor.StartAutostartProgramsAsync();
        Poll.Until(() => engine.Process("client").Restarts >= 1, "the overrunning client to be restarted");
        Assert.Contains(engine.Events, e => e.Kind == EventKind.Health && e.Message.StartsWith("health: client is unhealthy (no heartbeat for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_never_beats_fails_once_the_timeout_has_passed_since_its_start()
    {
        await using var engine = new RealEngine(Client("exec sleep 1000").Replace("start_period = \"0.3s\"", "start_period = \"0.3s\"\non_unhealthy = \"none\"", StringComparison.Ordinal));
        await engine.Supervisor.StartAutostartProgramsAsync();
        var client = engine.WaitForState("client", ProcessState.Unhealthy);
        Assert.StartsWith("no heartbeat since the start", client.UnhealthyReason, StringComparison.Ordinal);
    }
}
