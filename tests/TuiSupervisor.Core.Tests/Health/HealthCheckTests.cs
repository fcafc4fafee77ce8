using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Health;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Health;

/// <summary>Each check type passing and failing, against real servers and real commands.</summary>
public class HealthCheckTests
{
    private static readonly JsonSerializerOptions JsonWithNames = new() { Converters = { new JsonStringEnumConverter() } };

    private static string Program(string checks) => $"""
        [programs.app]
        command = "sleep 1000"
        startsecs = 0
        {checks}
        """;

    private static async Task<RealEngine> StartedAsync(string toml)
    {
        var engine = new RealEngine(toml);
        await engine.Supervisor.StartAutostartProgramsAsync();
        return engine;
    }

    private static HealthStatus? Health(RealEngine engine) => engine.Process("app").Health?.Status;

    [Fact]
    public async Task Tcp_check_passes_while_a_listener_accepts()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var engine = await StartedAsync(Program($"""
            [programs.app.healthcheck]
            type = "tcp"
            port = {port}
            interval = "0.2s"
            """));
        Poll.Until(() => Health(engine) == HealthStatus.Healthy, "the tcp check to pass");
        var check = Assert.Single(engine.Process("app").Health!.Checks);
        Assert.Equal($"connected to 127.0.0.1:{port}", check.Last!.Output);
        Assert.Equal(ProcessState.Running, engine.Process("app").State);

        // What status --json and the socket will carry: the verdict and the check's work.
        var json = JsonSerializer.Serialize(engine.Process("app"), JsonWithNames);
        Assert.Contains("\"Health\":{\"Status\":\"Healthy\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Latency\":", json, StringComparison.Ordinal);
        Assert.Contains($"\"Target\":\"tcp 127.0.0.1:{port}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tcp_check_fails_when_nothing_listens_and_the_process_is_unhealthy()
    {
        var port = FreePort();
        await using var engine = await StartedAsync(Program($"""
            [programs.app.healthcheck]
            type = "tcp"
            port = {port}
            interval = "0.1s"
            retries = 2
            on_unhealthy = "none"
            """));
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Assert.Contains("refused", app.UnhealthyReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, app.Health!.Checks[0].Failures);
        Assert.Equal(2, app.Health.Checks[0].Threshold);
        Assert.Contains(engine.Events, e => e.Kind == EventKind.State && e.Message == "app: RUNNING -> UNHEALTHY");
        Assert.Contains(engine.Events, e => e.Kind == EventKind.Health && e.Message.StartsWith("health: app is unhealthy", StringComparison.Ordinal));
        Assert.Equal(0, app.Restarts);
    }

    [Fact]
    public async Task Http_check_passes_on_the_expected_status_and_body()
    {
        using var server = new TinyHttpServer { Body = "status: ok" };
        await using var engine = await StartedAsync(Program($"""
            [programs.app.healthcheck]
            type = "http"
            url = "{server.Url}"
            expected_status = 200
            expected_body = "ok"
            interval = "0.2s"
            """));
        Poll.Until(() => Health(engine) == HealthStatus.Healthy, "the http check to pass");
        Assert.Equal("HTTP 200, body has \"ok\"", engine.Process("app").Health!.Checks[0].Last!.Output);
    }

    [Fact]
    public async Task Http_check_fails_on_a_bad_status_then_recovers()
    {
        using var server = new TinyHttpServer { Status = 500, Body = "boom" };
        await using var engine = await StartedAsync(Program($"""
            [programs.app.healthcheck]
            type = "http"
            url = "{server.Url}"
            interval = "0.1s"
            retries = 1
            on_unhealthy = "none"
            """));
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Assert.Equal("HTTP 500, expected 2xx or 3xx", app.UnhealthyReason);

        server.Status = 204;
        engine.WaitForState("app", ProcessState.Running);
        Assert.Equal(HealthStatus.Healthy, Health(engine));
        Assert.Contains(engine.Events, e => e.Message == "app: UNHEALTHY -> RUNNING");
    }

    [Fact]
    public async Task Http_check_fails_when_the_body_lacks_the_expected_text()
    {
        using var server = new TinyHttpServer { Body = "degraded" };
        await using var engine = await StartedAsync(Program($"""
            [programs.app.healthcheck]
            type = "http"
            url = "{server.Url}"
            expected_body = "ok"
            interval = "0.1s"
            retries = 1
            on_unhealthy = "none"
            """));
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Assert.Equal("HTTP 200, but the body lacks \"ok\": degraded", app.UnhealthyReason);
    }

    [Fact]
    public async Task A_hung_http_server_fails_the_check_at_its_timeout()
    {
        using var server = new TinyHttpServer { Hang = true };
        await using var engine = await StartedAsync(Program($"""
            [programs.app.healthcheck]
            type = "http"
            url = "{server.Url}"
            timeout = "0.3s"
            interval = "0.1s"
            retries = 1
            on_unhealthy = "none"
            """));
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Assert.Equal("no answer within the timeout (0.3 s)", app.UnhealthyReason);
        Assert.InRange(app.Health!.Checks[0].Last!.Latency, TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Exec_check_passes_on_exit_0_and_runs_with_the_programs_environment()
    {
        await using var engine = await StartedAsync(Program("""
            environment = { WANTED = "yes" }
            [programs.app.healthcheck]
            type = "exec"
            command = "/bin/sh -c 'test \"$WANTED\" = yes && echo fine'"
            interval = "0.2s"
            """));
        Poll.Until(() => Health(engine) == HealthStatus.Healthy, "the exec check to pass");
        Assert.Equal("fine", engine.Process("app").Health!.Checks[0].Last!.Output);
    }

    [Fact]
    public async Task Exec_check_failing_shows_its_exit_status_and_output()
    {
        await using var engine = await StartedAsync(Program("""
            [programs.app.healthcheck]
            type = "exec"
            command = "/bin/sh -c 'echo database unreachable; exit 3'"
            interval = "0.1s"
            retries = 2
            on_unhealthy = "none"
            """));
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Assert.Equal("exit status 3: database unreachable", app.UnhealthyReason);
        Assert.Equal("exit status 3: database unreachable", app.Health!.LastFailure);
    }

    [Fact]
    public async Task An_exec_check_that_cannot_be_run_fails_saying_why()
    {
        await using var engine = await StartedAsync(Program("""
            [programs.app.healthcheck]
            type = "exec"
            command = "/nonexistent/check-db"
            interval = "0.1s"
            retries = 1
            on_unhealthy = "none"
            """));
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Assert.StartsWith("cannot run the check: ", app.UnhealthyReason, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/check-db", app.UnhealthyReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_exec_check_fails_at_its_timeout_and_its_whole_group_is_killed()
    {
        await using var engine = new RealEngine(Program("""
            directory = "."
            [programs.app.healthcheck]
            type = "exec"
            command = "/bin/sh -c 'sleep 1000 & echo $! > probe-child.pid; wait'"
            timeout = "0.5s"
            interval = "10s"
            retries = 1
            on_unhealthy = "none"
            """));
        await engine.Supervisor.StartAutostartProgramsAsync();
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Assert.Equal("no answer within the timeout (0.5 s)", app.UnhealthyReason);
        var probeChild = int.Parse(File.ReadAllText(Path.Combine(engine.Folder, "probe-child.pid")).Trim(), CultureInfo.InvariantCulture);
        Poll.Until(() => !RealEngine.IsAlive(probeChild), "the check's grandchild to be killed with its group");
    }

    [Fact]
    public async Task Several_checks_must_all_pass()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var engine = await StartedAsync(Program($"""
            [[programs.app.healthcheck]]
            type = "tcp"
            port = {port}
            interval = "0.1s"

            [[programs.app.healthcheck]]
            type = "exec"
            command = "/bin/false"
            interval = "0.1s"
            retries = 1
            on_unhealthy = "none"
            """));
        var app = engine.WaitForState("app", ProcessState.Unhealthy);
        Poll.Until(() => engine.Process("app").Health!.Checks[0].Last?.Passed == true, "the tcp check to have passed");
        Assert.Equal("exit status 1", engine.Process("app").UnhealthyReason);
    }

    [Fact]
    public async Task On_unhealthy_restart_restarts_the_process_with_a_new_pid()
    {
        await using var engine = await StartedAsync(Program("""
            [programs.app.healthcheck]
            type = "exec"
            command = "/bin/false"
            interval = "0.1s"
            retries = 1
            """));
        var first = engine.WaitForState("app", ProcessState.Running).Pid;
        Poll.Until(() => engine.Process("app").Restarts >= 1 && engine.Process("app").Pid is { } pid && pid != first, "a restart with a new pid");
        Assert.Contains(engine.Events, e => e.Message == "restarting app: unhealthy: exit status 1" && e.Kind == EventKind.Health);
        Assert.Contains("stopped: app (terminated by SIGTERM)", engine.Messages);
        Assert.False(RealEngine.IsAlive(first!.Value));
    }

    [Fact]
    public async Task An_unhealthy_process_is_restarted_once_a_check_that_asks_for_restarts_fails_too()
    {
        using var server = new TinyHttpServer();
        await using var engine = await StartedAsync(Program($"""
            [[programs.app.healthcheck]]
            type = "exec"
            command = "/bin/false"
            interval = "0.1s"
            retries = 1
            on_unhealthy = "none"

            [[programs.app.healthcheck]]
            type = "http"
            url = "{server.Url}"
            interval = "0.1s"
            retries = 1
            on_unhealthy = "restart"
            """));
        engine.WaitForState("app", ProcessState.Unhealthy);
        Poll.Until(() => engine.Process("app").Health!.Checks[1].Last?.Passed == true, "the http check to pass");
        Assert.Equal(0, engine.Process("app").Restarts);

        server.Status = 503;
        Poll.Until(() => engine.Process("app").Restarts >= 1, "the restart the http check asks for");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
