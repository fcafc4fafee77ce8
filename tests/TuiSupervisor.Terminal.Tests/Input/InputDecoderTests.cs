using System.Text;

namespace TuiSupervisor.Terminal.Tests.Input;

public class InputDecoderTests
{
    private readonly ManualTimeProvider _time = new();

    private InputDecoder NewDecoder() => new(_time);

    private static List<InputEvent> Decode(string bytes) => new InputDecoder(new ManualTimeProvider()).Decode(Encoding.UTF8.GetBytes(bytes));

    private static string Keys(IEnumerable<InputEvent> events) => string.Join(" ", events.Select(e => e.ToString()));

    [Theory]
    [InlineData("a", "a")]
    [InlineData("R", "R")]
    [InlineData("\r", "Enter")]
    [InlineData("\t", "Tab")]
    [InlineData("\e[Z", "Shift-Tab")]
    [InlineData("\x7f", "Backspace")]
    [InlineData("\b", "Backspace")]
    [InlineData("\x12", "Ctrl-R")]
    [InlineData("\x03", "Ctrl-C")]
    [InlineData("\x1a", "Ctrl-Z")]
    [InlineData(" ", "Space")]
    [InlineData("\e[A\e[B\e[C\e[D", "Up Down Right Left")]
    [InlineData("\eOA\eOD", "Up Left")]
    [InlineData("\e[H\e[F\e[1~\e[4~\eOH\eOF\e[7~\e[8~", "Home End Home End Home End Home End")]
    [InlineData("\e[5~\e[6~\e[2~\e[3~", "PgUp PgDn Insert Del")]
    [InlineData("\eOP\eOQ\eOR\eOS", "F1 F2 F3 F4")]
    [InlineData("\e[11~\e[15~\e[17~\e[21~\e[23~\e[24~", "F1 F5 F6 F10 F11 F12")]
    [InlineData("\e[1;5A", "Ctrl-Up")]
    [InlineData("\e[1;2B", "Shift-Down")]
    [InlineData("\e[1;3C", "Alt-Right")]
    [InlineData("\e[3;5~", "Ctrl-Del")]
    [InlineData("\e[1;5P", "Ctrl-F1")]
    [InlineData("\ex", "Alt-x")]
    [InlineData("\e\x12", "Ctrl-Alt-R")]
    [InlineData("中é", "中 é")]
    [InlineData("\e[13;2u", "Shift-Enter")]
    public void Sequences_become_keys(string input, string expected) => Assert.Equal(expected, Keys(Decode(input)));

    [Fact]
    public void Invalid_utf8_becomes_the_replacement_character()
    {
        var events = NewDecoder().Decode([0xff, (byte)'a', 0xe4, 0xb8, (byte)'b']);
        Assert.Equal("\uFFFD a \uFFFD b", Keys(events));
    }

    [Fact]
    public void A_character_split_across_reads_is_decoded_whole()
    {
        var decoder = NewDecoder();
        var bytes = Encoding.UTF8.GetBytes("中");
        Assert.Empty(decoder.Decode(bytes.AsSpan(0, 2)));
        Assert.Equal("中", Keys(decoder.Decode(bytes.AsSpan(2))));
    }

    [Fact]
    public void A_sequence_split_across_reads_is_one_key()
    {
        var decoder = NewDecoder();
        Assert.Empty(decoder.Decode("\e"u8));
        Assert.Empty(decoder.Decode("[1;"u8));
        Assert.Equal("Ctrl-Up", Keys(decoder.Decode("5A"u8)));
    }

    [Fact]
    public void A_lone_escape_becomes_Escape_after_the_timeout()
    {
        var decoder = NewDecoder();
        var events = decoder.Decode("\e"u8);
        Assert.Empty(events);
        Assert.True(decoder.HasPending);

        _time.Advance(TimeSpan.FromMilliseconds(20));
        decoder.FlushExpired(events);
        Assert.Empty(events);
        Assert.Equal(TimeSpan.FromMilliseconds(30), decoder.PendingTimeout);

        _time.Advance(TimeSpan.FromMilliseconds(30));
        decoder.FlushExpired(events);
        Assert.Equal("Esc", Keys(events));
        Assert.False(decoder.HasPending);
        Assert.Null(decoder.PendingTimeout);
    }

    [Fact]
    public void Escape_then_a_key_after_the_timeout_is_not_Alt()
    {
        var decoder = NewDecoder();
        decoder.Decode("\e"u8);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal("Esc x", Keys(decoder.Decode("x"u8)));
    }

    [Fact]
    public void Two_escapes_are_two_Escape_keys()
    {
        var decoder = NewDecoder();
        var events = decoder.Decode("\e\e"u8);
        decoder.Flush(events);
        Assert.Equal("Esc Esc", Keys(events));
    }

    [Fact]
    public void Bracketed_paste_arrives_whole_and_triggers_no_keys()
    {
        var events = Decode("x\e[200~q\r\nline two\e[A\e[201~y");
        Assert.Equal(3, events.Count);
        Assert.Equal(new PasteEvent("q\nline two\e[A"), events[1]);
        Assert.Equal("x", events[0].ToString());
        Assert.Equal("y", events[2].ToString());
    }

    [Fact]
    public void Paste_end_split_across_reads_is_found()
    {
        var decoder = NewDecoder();
        Assert.Empty(decoder.Decode("\e[200~ab\e[20"u8));
        var events = decoder.Decode("1~"u8);
        Assert.Equal([new PasteEvent("ab")], events);
    }

    [Theory]
    [InlineData("\e[<0;5;3M", MouseAction.Press, MouseButton.Left, 4, 2, Modifiers.None)]
    [InlineData("\e[<0;5;3m", MouseAction.Release, MouseButton.Left, 4, 2, Modifiers.None)]
    [InlineData("\e[<2;1;1M", MouseAction.Press, MouseButton.Right, 0, 0, Modifiers.None)]
    [InlineData("\e[<32;10;20M", MouseAction.Drag, MouseButton.Left, 9, 19, Modifiers.None)]
    [InlineData("\e[<64;7;8M", MouseAction.WheelUp, MouseButton.None, 6, 7, Modifiers.None)]
    [InlineData("\e[<65;7;8M", MouseAction.WheelDown, MouseButton.None, 6, 7, Modifiers.None)]
    [InlineData("\e[<16;2;2M", MouseAction.Press, MouseButton.Left, 1, 1, Modifiers.Ctrl)]
    [InlineData("\e[M !!", MouseAction.Press, MouseButton.Left, 0, 0, Modifiers.None)]
    public void Mouse_reports_become_mouse_events(string input, MouseAction action, MouseButton button, int x, int y, Modifiers modifiers) =>
        Assert.Equal([new MouseEvent(action, button, x, y, modifiers)], Decode(input));

    [Fact]
    public void An_overlong_sequence_is_dropped_and_what_follows_is_kept()
    {
        var garbage = "\e[" + new string('1', 500) + "A";
        Assert.Equal("q", Keys(Decode(garbage + "q")));
    }

    [Fact]
    public void A_cut_short_sequence_is_dropped_at_the_timeout()
    {
        var decoder = NewDecoder();
        var events = decoder.Decode("\e[1;"u8);
        _time.Advance(TimeSpan.FromSeconds(1));
        decoder.FlushExpired(events);
        Assert.Empty(events);
        Assert.Equal("z", Keys(decoder.Decode("z"u8)));
    }

    [Fact]
    public void Replies_and_unknown_sequences_are_not_input()
    {
        Assert.Equal("k", Keys(Decode("\e[?1;2c\e[12;40R\e[I\e[99xk")));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        var decoder = NewDecoder();
        var buffer = new byte[64];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(buffer);
            if (i % 3 == 0)
                buffer[random.Next(buffer.Length)] = 0x1b;
            decoder.Decode(buffer);
        }

        decoder.Flush([]);
        Assert.False(decoder.HasPending);
    }
}
