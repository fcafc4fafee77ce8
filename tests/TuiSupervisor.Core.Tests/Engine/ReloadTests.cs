using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Engine;

public class ReloadTests
{
    private const string Before = """
        [programs.a]
        command = "sleep 1001"
        startsecs = 0
        [programs.b]
        command = "sleep 1002"
        startsecs = 0
        [programs.c]
        command = "sleep 1003"
        startsecs = 0
        [programs.e]
        command = "sleep 1005"
        startsecs = 0
        """;

    /// <summary>supervisord-semantics.md section 7: a's command changes, c goes, d comes, e's startsecs changes, b stays.</summary>
    private const string After = """
        [programs.a]
        command = "sleep 2001"
        startsecs = 0
        [programs.b]
        command = "sleep 1002"
        startsecs = 0
        [programs.d]
        command = "sleep 1004"
        startsecs = 0
        [programs.e]
        command = "sleep 1005"
        startsecs = 2
        """;

    [Fact]
    public async Task Reread_reports_the_difference_and_changes_nothing()
    {
        await using var engine = await Running(Before);
        var pids = Pids(engine);
        engine.Toml = After;

        var outcome = await engine.Supervisor.ReloadAsync(apply: false);

        Assert.Equal(["a: changed", "c: disappeared", "d: available", "e: changed"], outcome.Lines);
        Assert.Equal(pids, Pids(engine));
    }

    [Fact]
    public async Task Reload_applies_the_difference_and_unchanged_processes_keep_their_pid()
    {
        await using var engine = await Running(Before);
        var pids = Pids(engine);
        engine.Toml = After;

        var outcome = await engine.Supervisor.ReloadAsync(apply: true);

        Assert.Equal(
            ["c: stopped", "c: removed process group", "a: stopped", "a: updated process group", "e: stopped", "e: updated process group", "d: added process group"],
            outcome.Lines);
        Assert.Equal(["a", "b", "d", "e"], engine.Snapshot().Processes.Select(p => p.FullName).Order());
        Assert.Equal(pids["b"], engine.Process("b").Pid);
        var a = engine.WaitForState("a", ProcessState.Running);
        Assert.NotEqual(pids["a"], a.Pid);
        engine.WaitForState("d", ProcessState.Running);
        Assert.Equal(ProcessState.Starting, engine.Process("e").State);
        Poll.Until(() => !RealEngine.IsAlive(pids["c"]!.Value), "c's process to be gone");
    }

    [Fact]
    public async Task Update_NAME_applies_only_those_groups_and_the_others_stay_pending()
    {
        await using var engine = await Running(Before);
        var pids = Pids(engine);
        engine.Toml = After;

        var onlyA = await engine.Supervisor.ReloadAsync(apply: true, ["a"]);

        Assert.Equal(ReloadStatus.Done, onlyA.Status);
        Assert.Equal(["a: stopped", "a: updated process group"], onlyA.Lines);
        Assert.NotEqual(pids["a"], engine.WaitForState("a", ProcessState.Running).Pid);
        Assert.Equal([pids["b"], pids["c"], pids["e"]], [engine.Process("b").Pid, engine.Process("c").Pid, engine.Process("e").Pid]);
        Assert.Null(engine.Snapshot().Find("d"));
        Assert.Equal(["c: disappeared", "d: available", "e: changed"], (await engine.Supervisor.ReloadAsync(apply: false)).Lines);

        // supervisorctl: the unknown name is an error, and the known one is still applied.
        var withUnknown = await engine.Supervisor.ReloadAsync(apply: true, ["nosuch", "d"]);
        Assert.Equal(ReloadStatus.Refused, withUnknown.Status);
        Assert.Equal(["ERROR: no such group: nosuch", "d: added process group"], withUnknown.Lines);
        Assert.Equal(["c: disappeared", "e: changed"], (await engine.Supervisor.ReloadAsync(apply: false)).Lines);
        Assert.Equal(["c: stopped", "c: removed process group", "e: stopped", "e: updated process group"], (await engine.Supervisor.ReloadAsync(apply: true, ["all"])).Lines);
    }

    [Fact]
    public async Task A_config_with_errors_changes_nothing_and_lists_every_problem()
    {
        await using var engine = await Running(Before);
        var pids = Pids(engine);
        engine.Toml = Before.Replace("startsecs = 0\n[programs.b]", "startsecs = \"soon\"\nstartretry = 1\n[programs.b]", StringComparison.Ordinal);

        var outcome = await engine.Supervisor.ReloadAsync(apply: true);

        Assert.Equal(ReloadStatus.ConfigErrors, outcome.Status);
        Assert.Equal(
            [
                "test.toml:3:13: invalid value string \"soon\" for 'startsecs' in [programs.a]: expected a duration: a number of seconds, or a string such as \"500ms\", \"10s\", \"5m\", \"1h\"",
                "test.toml:4:1: unknown key 'startretry' in [programs.a] (did you mean 'startretries'?)",
                "nothing changed: the config has errors",
            ],
            outcome.Lines);
        Assert.Equal(pids, Pids(engine));
    }

    [Fact]
    public async Task Reload_with_no_change_says_so_and_touches_nothing()
    {
        await using var engine = await Running(Before);
        var pids = Pids(engine);
        var outcome = await engine.Supervisor.ReloadAsync(apply: true);
        Assert.Equal(["No config updates to processes"], outcome.Lines);
        Assert.Equal(pids, Pids(engine));
    }

    private static async Task<RealEngine> Running(string toml)
    {
        var engine = new RealEngine(toml);
        await engine.Supervisor.StartAutostartProgramsAsync();
        foreach (var name in new[] { "a", "b", "c", "e" })
            engine.WaitForState(name, ProcessState.Running);
        return engine;
    }

    private static Dictionary<string, int?> Pids(RealEngine engine) =>
        engine.Snapshot().Processes.ToDictionary(p => p.FullName, p => p.Pid);
}
