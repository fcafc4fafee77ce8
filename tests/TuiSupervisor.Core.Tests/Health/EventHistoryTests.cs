using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Health;

public class EventHistoryTests
{
    [Fact]
    public async Task State_changes_operator_actions_and_reloads_are_events_served_by_the_events_command()
    {
        await using var engine = new RealEngine("""
            [programs.app]
            command = "sleep 1000"
            startsecs = 0
            autostart = false
            """);
        var interpreter = new CommandInterpreter(engine.Supervisor, TimeProvider.System);
        await interpreter.RunAsync("start app");
        await interpreter.RunAsync("stop app");
        await interpreter.RunAsync("reload");
        engine.Toml += "\n[programs.other]\ncommand = \"sleep 1000\"\nautostart = false\n";
        await interpreter.RunAsync("reload");

        var events = engine.Events;
        Assert.Contains(events, e => e is { Kind: EventKind.Operator, Process: "app", Message: "operator: start app" });
        Assert.Contains(events, e => e is { Kind: EventKind.State, Process: "app", Message: "app: STOPPED -> STARTING" });
        Assert.Contains(events, e => e is { Kind: EventKind.State, Process: "app", Message: "app: STARTING -> RUNNING" });
        Assert.Contains(events, e => e is { Kind: EventKind.State, Process: "app", Message: "app: STOPPING -> STOPPED" });
        Assert.Contains(events, e => e.Kind == EventKind.Reload && e.Message.EndsWith(": 1 added, 0 changed, 0 removed", StringComparison.Ordinal));

        var listed = await interpreter.RunAsync("events -n 4");
        Assert.Equal(4, listed.Lines.Count);
        Assert.EndsWith(events[^1].Message, listed.Lines[^1], StringComparison.Ordinal);
    }
}
