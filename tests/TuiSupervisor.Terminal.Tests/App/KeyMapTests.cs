namespace TuiSupervisor.Terminal.Tests.App;

public class KeyMapTests
{
    private enum Command
    {
        Start,
        Reload,
        Help,
        Quit,
    }

    [Fact]
    public void Every_key_of_a_binding_finds_its_command()
    {
        var map = new KeyMap<Command>()
            .Add(Command.Reload, ["R", "Ctrl-R"], "Reload the config", "Engine", hint: "reload")
            .Add(Command.Help, ["?", "F1"], "Help", "General");

        Assert.True(map.TryGetCommand(KeyEvent.Of('R'), out var command));
        Assert.Equal(Command.Reload, command);
        Assert.True(map.TryGetCommand(KeyEvent.Ctrl('r'), out command));
        Assert.Equal(Command.Reload, command);
        Assert.True(map.TryGetCommand(KeyEvent.Named(Key.F1), out command));
        Assert.Equal(Command.Help, command);
        Assert.False(map.TryGetCommand(KeyEvent.Of('r'), out _));
    }

    [Fact]
    public void A_disabled_binding_is_skipped_and_hides_its_hint()
    {
        var running = false;
        var map = new KeyMap<Command>()
            .Add(Command.Start, ["s"], "Start", hint: "start", enabled: () => !running)
            .Add(Command.Quit, ["q"], "Quit", hint: "quit");

        Assert.Equal([new KeyHint("s", "start"), new KeyHint("q", "quit")], map.Hints());
        running = true;
        Assert.False(map.TryGetCommand(KeyEvent.Of('s'), out _));
        Assert.Equal([new KeyHint("q", "quit")], map.Hints());
    }

    [Fact]
    public void A_key_bound_twice_is_refused()
    {
        var map = new KeyMap<Command>().Add(Command.Quit, ["q"], "Quit");
        var error = Assert.Throws<ArgumentException>(() => map.Add(Command.Start, ["x", "q"], "Start"));
        Assert.Contains("q is bound twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_keep_their_first_use_order()
    {
        var map = new KeyMap<Command>()
            .Add(Command.Start, ["s"], "Start", "Process")
            .Add(Command.Help, ["?"], "Help", "General")
            .Add(Command.Reload, ["R"], "Reload", "Process");

        Assert.Equal(["Process", "General"], map.Sections.Select(s => s.Key));
        Assert.Equal("R", map.Find(Command.Reload)!.KeysText);
    }
}
