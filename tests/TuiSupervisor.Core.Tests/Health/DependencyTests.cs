using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Health;

public class DependencyTests
{
    private const string Stack = """
        [programs.db]
        command = ["/bin/sh", "-c", "sleep 0.5; while :; do touch \"$TUISUPERVISOR_HEARTBEAT_FILE\"; sleep 0.1; done"]
        startsecs = 0
        priority = 900

        [programs.db.healthcheck]
        type = "heartbeat"
        timeout = "2s"

        [programs.migrate]
        command = "/bin/sh -c 'exit 0'"
        startsecs = 0
        autorestart = false
        depends_on = { db = "healthy" }

        [programs.web]
        command = "sleep 1000"
        startsecs = 0
        priority = 1
        depends_on = { db = "healthy", migrate = "completed" }
        """;

    private static DateTimeOffset SpawnTime(RealEngine engine, string name) =>
        engine.Events.First(e => e.Message.StartsWith($"spawned: '{name}'", StringComparison.Ordinal)).Time;

    [Fact]
    public async Task Autostart_follows_the_dependencies_and_shows_why_a_program_waits()
    {
        await using var engine = new RealEngine(Stack);
        await engine.Supervisor.StartAutostartProgramsAsync();

        // web has the lowest priority number, but waits for db and migrate.
        var web = engine.Process("web");
        Assert.Equal(ProcessState.Starting, web.State);
        Assert.Null(web.Pid);
        Assert.Equal("waiting for db (healthy), migrate (completed)", web.WaitingFor);
        Assert.Equal("waiting for db (healthy)", engine.Process("migrate").WaitingFor);
        var status = StatusText.Lines([web], DateTimeOffset.UtcNow, TimeZoneInfo.Utc).Single();
        Assert.Equal("web".PadRight(33) + "STARTING  waiting for db (healthy), migrate (completed)", status);

        engine.WaitForState("web", ProcessState.Running);
        Assert.Equal(ProcessState.Exited, engine.Process("migrate").State);
        var healthy = engine.Events.First(e => e.Message.StartsWith("health: db is healthy", StringComparison.Ordinal)).Time;
        Assert.True(SpawnTime(engine, "db") < healthy);
        Assert.True(healthy <= SpawnTime(engine, "migrate"));
        Assert.True(SpawnTime(engine, "migrate") <= SpawnTime(engine, "web"));
        Assert.Contains(engine.Events, e => e.Kind == EventKind.Dependency && e.Message == "web: dependencies hold, starting");
    }

    [Fact]
    public async Task A_fatal_dependency_makes_the_dependents_reason_say_so()
    {
        await using var engine = new RealEngine("""
            [programs.db]
            command = "/bin/sh -c 'exit 1'"
            startretries = 0

            [programs.web]
            command = "sleep 1000"
            depends_on = ["db"]
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        engine.WaitForState("db", ProcessState.Fatal);
        Poll.Until(() => engine.Process("web").WaitingFor == "waiting for db (started); db is FATAL", $"the reason to name the FATAL db (is '{engine.Process("web").WaitingFor}')");
        Assert.Equal(ProcessState.Starting, engine.Process("web").State);
    }

    [Fact]
    public async Task Starting_a_dependent_starts_its_stopped_dependencies_and_a_failing_one_ends_the_start()
    {
        await using var engine = new RealEngine("""
            [programs.db]
            command = "sleep 1000"
            startsecs = 0
            autostart = false

            [programs.web]
            command = "sleep 1000"
            startsecs = 0
            autostart = false
            depends_on = ["db"]

            [programs.broken]
            command = "/bin/sh -c 'exit 1'"
            startretries = 0
            autostart = false

            [programs.api]
            command = "sleep 1000"
            autostart = false
            depends_on = ["broken"]
            """);
        var interpreter = new CommandInterpreter(engine.Supervisor, TimeProvider.System);
        var started = await interpreter.RunAsync("start web");
        Assert.Equal(["web: started"], started.Lines);
        Assert.Equal(ProcessState.Running, engine.Process("db").State);

        var failed = await interpreter.RunAsync("start api").WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["api: ERROR (dependency failed)"], failed.Lines);
        Assert.Equal(7, failed.ExitCode);
        Assert.Equal("waiting for broken (started); broken is FATAL", engine.Process("api").WaitingFor);
    }

    [Fact]
    public async Task Stop_goes_in_the_reverse_dependency_order()
    {
        await using var engine = new RealEngine("""
            [programs.db]
            command = "sleep 1000"
            startsecs = 0

            [programs.web]
            command = "sleep 1000"
            startsecs = 0
            priority = 1
            depends_on = ["db"]
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        engine.WaitForState("web", ProcessState.Running);
        var results = await engine.Supervisor.StopAsync(["db", "web"]);
        Assert.Equal(["web", "db"], results.Select(r => r.Process));
        var messages = engine.Messages;
        Assert.True(messages.IndexOf("stopped: web (terminated by SIGTERM)") < messages.IndexOf("waiting for db to stop"), string.Join("\n", messages));
    }
}
