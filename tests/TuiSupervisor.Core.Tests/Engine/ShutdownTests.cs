using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Engine;

/// <summary>Once a shutdown begins, nothing is spawned: whatever started then would outlive the engine.</summary>
public class ShutdownTests
{
    /// <summary>
    /// <c>stubborn</c> keeps the shutdown going after its SIGTERM until the test creates
    /// <c>release</c> in the engine's folder (stopped first: the highest priority); <c>flapper</c>, stopped last, exits every 0.2 s and is restarted
    /// automatically; <c>idle</c> is not running.
    /// </summary>
    private const string Config = """
        [programs.stubborn]
        command = ["sh", "-c", "trap 'until [ -e release ]; do sleep 0.1; done; exit 0' TERM; echo trapped; while true; do sleep 0.1; done"]
        directory = "."
        startsecs = 0
        stopwaitsecs = 60
        priority = 900
        [programs.flapper]
        command = "sleep 0.2"
        startsecs = 0
        autorestart = true
        priority = 1
        [programs.idle]
        command = "sleep 1000"
        autostart = false
        """;

    [Fact]
    public async Task During_a_shutdown_starts_and_reloads_are_refused_and_nothing_is_spawned()
    {
        await using var engine = new RealEngine(Config);
        await engine.Supervisor.StartAutostartProgramsAsync();
        engine.WaitForState("stubborn", ProcessState.Running);
        // RUNNING comes at the spawn (startsecs = 0): a SIGTERM before the shell set its trap would end it at once.
        Poll.Until(() => engine.Tail("stubborn", false, 1).Length > 0, "stubborn's trap to be set");

        var shutdown = engine.Supervisor.ShutdownAsync();
        engine.WaitForState("stubborn", ProcessState.Stopping, seconds: 30);

        Assert.Equal([new ActionResult("idle", ActionOutcome.ShuttingDown)], await engine.Supervisor.StartAsync(["idle"]));
        engine.Toml = Config + "\n[programs.added]\ncommand = \"sleep 1000\"\nstartsecs = 0\n";
        var reload = await engine.Supervisor.ReloadAsync(apply: true);
        Assert.Equal(ReloadStatus.Refused, reload.Status);
        Assert.Equal(["ERROR: already shutting down"], reload.Lines);
        Assert.Equal(["ERROR: supervisor shutting down"], (await engine.Supervisor.ReloadAsync(apply: false)).Lines);

        // flapper exits while stubborn holds the shutdown up: it must end STOPPED, not respawn.
        Poll.Until(() => engine.Messages.Contains("not spawned: flapper: shutting down"), "flapper's refused restart");
        File.WriteAllText(Path.Combine(engine.Folder, "release"), "");
        await shutdown.WaitAsync(TimeSpan.FromSeconds(20));

        var messages = engine.Messages;
        var spawnsAfter = messages.Skip(messages.IndexOf("shutting down")).Where(m => m.StartsWith("spawned: ", StringComparison.Ordinal)).ToList();
        Assert.Empty(spawnsAfter);
        Assert.All(engine.Snapshot().Processes, p => Assert.Null(p.Pid));
        Assert.Null(engine.Snapshot().Find("added"));
        Assert.Equal(ProcessState.Stopped, engine.Process("idle").State);
    }
}
