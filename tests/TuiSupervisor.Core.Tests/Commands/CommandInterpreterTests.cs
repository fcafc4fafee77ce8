using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Commands;

/// <summary>supervisorctl's answers, as measured side by side (docs/supervisord-side-by-side.md).</summary>
public class CommandInterpreterTests
{
    private const string WebAndSolo = """
        [programs.front]
        command = "sleep 1000"
        startsecs = 0
        [programs.api]
        command = "sleep 1000"
        startsecs = 0
        [programs.solo]
        command = "sleep 1000"
        startsecs = 0
        [groups.web]
        programs = ["front", "api"]
        """;

    [Fact]
    public async Task Start_all_skips_what_runs_silently_but_a_named_process_gets_its_error()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        Assert.Equal([], (await shell.RunAsync("start all")).Lines);
        Assert.Equal(["solo: ERROR (already started)"], (await shell.RunAsync("start solo")).Lines);
        await shell.RunAsync("stop web:front");
        Assert.Equal(["web:front: started"], (await shell.RunAsync("start all")).Lines);
    }

    [Fact]
    public async Task Stop_of_a_group_or_all_names_only_what_it_stopped()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        Assert.Equal(["solo: stopped"], (await shell.RunAsync("stop solo")).Lines);
        Assert.Equal(["solo: ERROR (not running)"], (await shell.RunAsync("stop solo")).Lines);
        Assert.Equal(["web:api: stopped", "web:front: stopped"], (await shell.RunAsync("stop all")).Lines);
        Assert.Equal(["web:api: started", "web:front: started"], (await shell.RunAsync("restart web:*")).Lines);
    }

    [Fact]
    public async Task Update_of_an_unknown_group_and_reread_with_arguments_fail_as_in_supervisorctl()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        Assert.Equal(("ERROR: no such group: nosuch\n", ExitCodes.ActionFailed), await Run(shell, "update nosuch"));
        Assert.Equal(("ERROR: no such group: nosuch\n", ExitCodes.ActionFailed), await Run(shell, "reload nosuch"));
        Assert.Equal(("", ExitCodes.Success), await Run(shell, "update web"));
        Assert.Equal(("Error: reread accepts no arguments\nreread \t\t\tReload the daemon's configuration files without add/remove\n", ExitCodes.ActionFailed), await Run(shell, "reread web"));
    }

    [Fact]
    public async Task Signal_takes_a_number_as_supervisorctl_does()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        var killed = engine.Process("solo").Pid!.Value;
        Assert.Equal(("solo: signalled\n", ExitCodes.Success), await Run(shell, "signal 9 solo"));
        Poll.Until(() => !RealEngine.IsAlive(killed), "solo to die of SIGKILL");
        Assert.Equal(("web:api: ERROR (bad signal name)\n", ExitCodes.ActionFailed), await Run(shell, "signal 65 web:api"));
    }

    [Fact]
    public async Task Pid_all_lists_every_process_with_0_for_a_stopped_one()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);
        await shell.RunAsync("stop solo");

        var lines = (await shell.RunAsync("pid all")).Lines;

        Assert.Equal(3, lines.Count);
        Assert.Equal(1, lines.Count(l => l == "0"));
        Assert.All(lines.Where(l => l != "0"), l => Assert.True(RealEngine.IsAlive(int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Pid_of_several_names_prints_one_line_each_in_order()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);
        var (solo, api) = (engine.Process("solo").Pid, engine.Process("web:api").Pid);

        Assert.Equal(($"{solo}\n{api}\n", ExitCodes.Success), await Run(shell, "pid solo web:api"));
        Assert.Equal(($"No such process nosuch\n{solo}\n", ExitCodes.ActionFailed), await Run(shell, "pid nosuch solo"));
        await shell.RunAsync("stop solo");
        Assert.Equal(($"{api}\n0\n", ExitCodes.SpawnError), await Run(shell, "pid web:api solo"));
    }

    [Fact]
    public async Task Help_prints_supervisorctls_text_for_the_commands_it_shares()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        // Measured with supervisorctl 4.2.5 (help restart, help status, help help, restart with no name).
        const string Restart = "restart <name>\t\tRestart a process\nrestart <gname>:*\tRestart all processes in a group\n"
            + "restart <name> <name>\tRestart multiple processes or groups\nrestart all\t\tRestart all processes\n"
            + "Note: restart does not reread config files. For that, see reread and update.\n";
        Assert.Equal((Restart, ExitCodes.Success), await Run(shell, "help restart"));
        Assert.Equal(("Error: restart requires a process name\n" + Restart, ExitCodes.ActionFailed), await Run(shell, "restart"));
        Assert.Equal(
            ("status <name>\t\tGet status for a single process\nstatus <gname>:*\tGet status for all processes in a group\n"
                + "status <name> <name>\tGet status for multiple named processes\nstatus\t\t\tGet all process status info\n", ExitCodes.Success),
            await Run(shell, "help status"));
        Assert.Equal(("help\t\tPrint a list of available actions\nhelp <action>\tPrint help for <action>\n", ExitCodes.Success), await Run(shell, "help help"));
        Assert.Equal(("*** No help on frobnicate\n", ExitCodes.Success), await Run(shell, "help frobnicate"));
        foreach (var name in CommandInterpreter.CommandNames)
            Assert.DoesNotContain("*** No help", (await Run(shell, "help " + name)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_around_a_line_are_not_part_of_the_command()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        Assert.Equal(("solo: stopped\n", ExitCodes.Success), await Run(shell, "\fstop solo\u0001 \r"));
    }

    [Theory]
    [InlineData("tail -n abc solo", "Error: -n needs a number of lines, not 'abc'")]
    [InlineData("tail -n -5 solo", "Error: -n needs a number of lines, not '-5'")]
    [InlineData("tail solo nosuchstream", "Error: bad channel 'nosuchstream'")]
    [InlineData("tail -x solo", "Error: bad argument -x")]
    [InlineData("tail -f", "Error: tail requires process name")]
    [InlineData("tail -f -100 solo", "Error: tail -f takes no byte count; use -n N to start with the last N lines")]
    [InlineData("events -n abc", "Error: -n needs a number of events, not 'abc'")]
    [InlineData("events -x", "Error: bad argument -x")]
    [InlineData("events solo", "Error: events takes no process name ('solo'): events [-f] [-n N]")]
    public async Task Argument_errors_of_tail_and_events_say_what_is_wrong(string line, string expected)
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        Assert.Equal((expected + "\n", ExitCodes.ActionFailed), await Run(shell, line));
    }

    [Fact]
    public async Task Tail_with_too_few_or_too_many_arguments_prints_its_help_and_tail_minus_N_counts_bytes()
    {
        await using var engine = new RealEngine("""
            [programs.talk]
            command = ["sh", "-c", "printf 'first\\nsecond\\nthird\\n'; exec sleep 1000"]
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);
        Poll.Until(() => engine.Tail("talk").Length == 19, "talk's output");

        var help = string.Concat(CommandHelp.For("tail").Select(l => l + "\n"));
        Assert.Equal(("Error: too few arguments\n" + help, ExitCodes.ActionFailed), await Run(shell, "tail"));
        Assert.Equal(("Error: too many arguments\n" + help, ExitCodes.ActionFailed), await Run(shell, "tail talk stdout more"));
        Assert.Equal(("ird\n", ExitCodes.Success), await Run(shell, "tail -4 talk"));
        Assert.Equal(("second\nthird\n", ExitCodes.Success), await Run(shell, "tail -n 2 talk STDOUT"));
        Assert.Equal(("first\nsecond\nthird\n", ExitCodes.Success), await Run(shell, "tail -1600 talk"));
    }

    [Fact]
    public async Task Answers_follow_the_order_of_the_arguments_with_errors_in_place_as_supervisorctls_do()
    {
        await using var engine = await Running(WebAndSolo);
        var shell = new CommandInterpreter(engine.Supervisor, TimeProvider.System);

        // Measured with supervisorctl 4.2.5 (docs/supervisord-side-by-side.md).
        Assert.Equal(("solo: stopped\nweb:api: stopped\n", ExitCodes.Success), await Run(shell, "stop solo web:api"));
        Assert.Equal(("web:api: started\nnosuch: ERROR (no such process)\nsolo: started\n", ExitCodes.ActionFailed), await Run(shell, "start web:api nosuch solo"));
        Assert.Equal(("nosuch: ERROR (no such process)\nsolo: stopped\n", ExitCodes.ActionFailed), await Run(shell, "stop nosuch solo"));
        await shell.RunAsync("start solo");
        Assert.Equal(
            ("nosuch: ERROR (no such process)\nsolo: stopped\nnosuch: ERROR (no such process)\nsolo: started\n", ExitCodes.ActionFailed),
            await Run(shell, "restart nosuch solo"));
        Assert.Equal(("nosuch: ERROR (no such process)\nsolo: signalled\n", ExitCodes.ActionFailed), await Run(shell, "signal HUP nosuch solo"));
        Assert.Equal(("solo: ERROR (bad signal name)\nnosuch: ERROR (no such process)\n", ExitCodes.ActionFailed), await Run(shell, "signal FOO solo nosuch"));

        var status = (await shell.RunAsync("status solo nosuch web:*")).Lines;
        Assert.Equal(["nosuch:", "solo", "web:api", "web:front"], status.Select(l => l.Split(' ')[0]));
        Assert.Equal(["solo", "web:api", "web:front"], (await shell.RunAsync("status")).Lines.Select(l => l.Split(' ')[0]));
        Assert.Equal(["solo", "web:api", "web:front"], (await shell.RunAsync("status web:front all")).Lines.Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public async Task Equal_priorities_start_in_name_order()
    {
        await using var engine = new RealEngine("""
            [programs.b]
            command = "sleep 1000"
            startsecs = 0
            [programs.a]
            command = "sleep 1000"
            startsecs = 0
            [programs.c]
            command = "sleep 1000"
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        engine.WaitForState("c", ProcessState.Running);
        engine.WaitForState("b", ProcessState.Running);
        var spawns = engine.Messages.Where(m => m.StartsWith("spawned: ", StringComparison.Ordinal)).Select(m => m.Split('\'')[1]);
        Assert.Equal(["a", "b", "c"], spawns);
    }

    [Theory]
    [InlineData("stop", 1, "Error: stop requires a process name|stop <name>\t\tStop a process|stop <gname>:*\t\tStop all processes in a group|stop <name> <name>\tStop multiple processes or groups|stop all\t\tStop all processes")]
    [InlineData("start", 2, "Error: start requires a process name|start <name>\t\tStart a process|start <gname>:*\t\tStart all processes in a group|start <name> <name>\tStart multiple processes or groups|start all\t\tStart all processes")]
    [InlineData("signal HUP", 1, "Error: signal requires a signal name and a process name|signal <signal name> <name>\t\tSignal a process|signal <signal name> <gname>:*\t\tSignal all processes in a group|signal <signal name> <name> <name>\tSignal multiple processes or groups|signal <signal name> all\t\tSignal all processes")]
    public async Task A_missing_process_name_prints_supervisorctls_usage(string line, int exitCode, string expected)
    {
        await using var engine = new RealEngine(WebAndSolo);
        var output = await new CommandInterpreter(engine.Supervisor, TimeProvider.System).RunAsync(line);
        Assert.Equal(expected.Split('|'), output.Lines);
        Assert.Equal(exitCode, output.ExitCode);
    }

    /// <summary>What a line printed, one line each, and its exit code.</summary>
    private static async Task<(string Text, int Exit)> Run(CommandInterpreter shell, string line)
    {
        var output = await shell.RunAsync(line);
        return (string.Concat(output.Lines.Select(l => l + "\n")), output.ExitCode);
    }

    private static async Task<RealEngine> Running(string toml)
    {
        var engine = new RealEngine(toml);
        await engine.Supervisor.StartAutostartProgramsAsync();
        foreach (var name in new[] { "web:front", "web:api", "solo" })
            engine.WaitForState(name, ProcessState.Running);
        return engine;
    }
}
