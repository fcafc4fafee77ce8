using System.Globalization;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Control;

public class ControlCommandTests
{
    [Fact]
    public async Task Every_shell_command_answers_over_the_socket_with_the_shells_lines_and_exit_code()
    {
        await using var engine = new SocketEngine();
        engine.Engine.WaitForState("sleeper", ProcessState.Running);
        var local = new CommandInterpreter(engine.Engine.Supervisor, TimeProvider.System);

        // Commands that change nothing answer exactly as the in-process interpreter does.
        foreach (var line in new[] { "help", "help tail", "reread", "pid", "pid nosuch", "status nosuch", "start nosuch", "signal", "tail", "frobnicate" })
        {
            var expected = await local.RunAsync(line);
            var reply = engine.Run(line);
            Assert.Equal(expected.Lines, reply.Lines);
            Assert.Equal(expected.ExitCode, reply.Exit);
        }

        var status = engine.Run("status");
        Assert.Equal(ExitCodes.NotRunning, status.Exit);
        Assert.Matches(@"^idle {29}STOPPED   Not started$", status.Lines![0]);
        Assert.Matches(@"^sleeper {26}RUNNING   pid \d+, uptime", status.Lines[1]);
        Assert.Equal(ExitCodes.Success, engine.Run("status sleeper").Exit);
        Assert.Equal(ExitCodes.UnknownOrNoEngine, engine.Run("status nosuch").Exit);

        Assert.Equal(["idle: started"], engine.Run("start idle").Lines);
        Assert.Equal(["idle: ERROR (already started)"], engine.Run("start idle").Lines);
        Assert.Equal(["idle: stopped"], engine.Run("stop idle").Lines);
        Assert.Equal(["idle: ERROR (not running)"], engine.Run("stop idle").Lines);
        var sleeperPid = engine.Engine.Process("sleeper").Pid;
        Assert.Equal(["sleeper: stopped", "sleeper: started"], engine.Run("restart sleeper").Lines);
        Assert.NotEqual(sleeperPid, engine.Engine.Process("sleeper").Pid);
        Assert.Equal(["sleeper: signalled"], engine.Run("signal WINCH sleeper").Lines);
        Assert.Equal([engine.Engine.Process("sleeper").Pid!.Value.ToString(CultureInfo.InvariantCulture)], engine.Run("pid sleeper").Lines);
        Assert.Equal([Environment.ProcessId.ToString(CultureInfo.InvariantCulture)], engine.Run("pid").Lines);
        Assert.Equal(ExitCodes.Success, engine.Run("reload").Exit);

        Poll.Until(() => engine.Run("tail -n 3 talker").Lines!.Count == 3, "talker to have printed 3 lines");
        Assert.All(engine.Run("tail -n 3 talker").Lines!, line => Assert.StartsWith("line ", line, StringComparison.Ordinal));
        var events = engine.Run("events -n 2");
        Assert.Equal(2, events.Lines!.Count);
        Assert.Contains("signalled", engine.Run("events -n 50").Lines!.Last(l => l.Contains("sleeper", StringComparison.Ordinal) && l.Contains("signal", StringComparison.Ordinal)), StringComparison.Ordinal);

        // quit leaves the client, as in supervisorctl; the engine stays.
        Assert.Equal([], engine.Run("quit").Lines);
        Assert.Equal(0, engine.ShutdownRequests);
        Assert.Equal(ProcessState.Running, engine.Engine.Process("sleeper").State);
    }

    [Fact]
    public async Task Structured_requests_answer_with_status_actions_output_and_reload()
    {
        await using var engine = new SocketEngine();
        engine.Engine.WaitForState("sleeper", ProcessState.Running);
        using var raw = engine.Connect();

        raw.Send(new ControlRequest { Op = "status", Names = ["sleeper", "idle", "nosuch"] });
        var status = raw.Read()!;
        Assert.Equal("status", status.Type);
        Assert.Equal(["sleeper", "idle"], status.Processes!.Select(p => p.Name));
        Assert.Equal("RUNNING", status.Processes![0].State);
        Assert.Equal(engine.Engine.Process("sleeper").Pid, status.Processes[0].Pid);
        Assert.Equal(["nosuch: ERROR (no such process)"], status.Lines);
        Assert.Equal(ExitCodes.UnknownOrNoEngine, status.Exit);

        // One connection carries one request after another.
        raw.Send(new ControlRequest { Op = "start", Processes = ["idle"] });
        Assert.Equal([new ActionResult("idle", ActionOutcome.Started)], raw.Read()!.Results);
        raw.Send(new ControlRequest { Op = "signal", Signal = 28, Processes = ["idle"] });
        Assert.Equal([new ActionResult("idle", ActionOutcome.Signalled)], raw.Read()!.Results);
        raw.Send(new ControlRequest { Op = "stop", Processes = ["idle"] });
        Assert.Equal([new ActionResult("idle", ActionOutcome.Stopped)], raw.Read()!.Results);

        raw.Send(new ControlRequest { Op = "snapshot" });
        Assert.Equal(ProcessState.Stopped, raw.Read()!.Snapshot!.Find("idle")!.State);
        raw.Send(new ControlRequest { Op = "events", Count = 5 });
        Assert.Equal(5, raw.Read()!.Events!.Count);

        Poll.Until(() => engine.Engine.Tail("talker").Length > 0, "talker's first line");
        raw.Send(new ControlRequest { Op = "tail", Process = "talker", Count = 1 });
        Assert.StartsWith("line ", System.Text.Encoding.UTF8.GetString(raw.Read()!.Data!), StringComparison.Ordinal);

        engine.Engine.Toml += "\n[programs.added]\ncommand = \"sleep 1000\"\nautostart = false\n";
        raw.Send(new ControlRequest { Op = "reload", Apply = false });
        var reread = raw.Read()!;
        Assert.Equal(["added: available"], reread.Lines);
        Assert.False(reread.Failed);
    }

    [Fact]
    public async Task Shutdown_answers_after_every_process_has_stopped_and_asks_the_owner_to_end()
    {
        await using var engine = new SocketEngine();
        var pid = engine.Engine.WaitForState("sleeper", ProcessState.Running).Pid!.Value;

        Assert.Equal(["Shut down"], engine.Run("shutdown").Lines);
        Assert.Equal(1, engine.ShutdownRequests);
        Assert.False(RealEngine.IsAlive(pid), "sleeper outlived the shutdown answer");
        Assert.All(engine.Engine.Snapshot().Processes, p => Assert.False(p.State.IsRunningLike(), $"{p.FullName} is {p.State}"));
    }

    [Fact]
    public async Task Tail_f_streams_output_until_the_client_closes_the_connection()
    {
        await using var engine = new SocketEngine();
        using (var raw = engine.Connect())
        {
            raw.Send(new ControlRequest { Op = "run", Line = "tail -f -n 1 talker" });
            var text = "";
            while (CountLines(text) < 5)
            {
                var reply = raw.Read()!;
                Assert.Equal("text", reply.Type);
                text += reply.Text;
            }

            var numbers = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l["line ".Length..], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(numbers[0], numbers.Count), numbers);
        }

        Poll.Until(() => engine.Server.ConnectionCount == 0, "the follow to end with its connection");
    }

    [Fact]
    public async Task Events_f_streams_history_then_each_new_event()
    {
        await using var engine = new SocketEngine();
        engine.Engine.WaitForState("sleeper", ProcessState.Running);
        using var raw = engine.Connect();
        raw.Send(new ControlRequest { Op = "run", Line = "events -f -n 1" });
        Assert.Contains("INFO", raw.Read()!.Text, StringComparison.Ordinal);

        engine.Engine.Supervisor.Announce(EventLevel.Warn, "a marker for the follower");
        string? text;
        do
        {
            text = raw.Read()?.Text;
        }
        while (text is not null && !text.Contains("a marker for the follower", StringComparison.Ordinal));

        Assert.EndsWith("WARN a marker for the follower\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_of_an_unknown_process_answers_at_once_with_the_shells_error()
    {
        await using var engine = new SocketEngine();
        var reply = engine.Run("tail -f nosuch");
        Assert.Equal(["nosuch: ERROR (no such process name)"], reply.Lines);
        Assert.Equal(ExitCodes.ActionFailed, reply.Exit);
    }

    private static int CountLines(string text) => text.Count(c => c == '\n');
}
