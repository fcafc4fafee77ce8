namespace TuiSupervisor.Terminal.Tests.LineEditing;

public sealed class LineReaderTests : IDisposable
{
    private readonly VirtualTerminal _terminal = new(40, 6);
    private readonly ManualTimeProvider _time = new();
    private readonly LineReader _reader;

    public LineReaderTests()
    {
        _reader = new LineReader(_terminal, _time) { Prompt = "tuisupervisor> " };
    }

    public void Dispose() => _reader.Dispose();

    private string LastLine() => _terminal.ScreenText().Split('\n')[^1];

    [Fact]
    public async Task Shows_the_prompt_and_returns_the_line_on_enter()
    {
        var read = _reader.ReadAsync();
        Assert.Equal("tuisupervisor>", _terminal.ScreenText());
        _terminal.Feed("status web");
        Assert.Equal("tuisupervisor> status web", _terminal.ScreenText());
        Assert.Equal(25, _terminal.CursorX);
        Assert.False(read.IsCompleted);

        _terminal.Feed("\r");
        Assert.Equal(LineReadResult.Of("status web"), await read);
        Assert.Equal((0, 1), (_terminal.CursorX, _terminal.CursorY));
        Assert.Equal("tuisupervisor> status web", _terminal.ScreenText());
    }

    [Fact]
    public void Lines_written_above_do_not_garble_the_line_being_edited()
    {
        _reader.ReadAsync();
        _terminal.Feed("resta");
        _reader.WriteAbove("11:31:45 web: RUNNING -> STOPPING");
        _terminal.Feed("\e[D");
        _reader.WriteAbove("11:31:46 web: STOPPING -> STOPPED\n11:31:46 db: started");

        Assert.Equal("""
            11:31:45 web: RUNNING -> STOPPING
            11:31:46 web: STOPPING -> STOPPED
            11:31:46 db: started
            tuisupervisor> resta
            """, _terminal.ScreenText());
        Assert.Equal((19, 3), (_terminal.CursorX, _terminal.CursorY));
        _terminal.Feed("X");
        Assert.Equal("tuisupervisor> restXa", LastLine());
    }

    [Fact]
    public void Written_lines_keep_their_colours_and_lose_every_other_escape()
    {
        _reader.WriteAbove("\e[31mred\e[0m \e[2J\e[Hplain\e]0;title\a");
        Assert.Equal("red plain", _terminal.ScreenText());
        Assert.Equal(new Style(Color.Red, Color.Default), _terminal.StyleAt(0, 0));
        Assert.Equal(Style.Default, _terminal.StyleAt(4, 0));
        Assert.Null(_terminal.Title);
    }

    [Fact]
    public async Task Ctrl_D_on_an_empty_line_is_the_end_of_input_and_deletes_otherwise()
    {
        var read = _reader.ReadAsync();
        _terminal.Feed("ab\x01\x04");
        Assert.Equal("tuisupervisor> b", LastLine());
        Assert.False(read.IsCompleted);
        _terminal.Feed("\x04\x04");
        Assert.True(read.IsCompleted);
        Assert.Equal(LineReadResult.EndOfInput, await read);
    }

    [Fact]
    public async Task ReadLineAsync_gives_null_at_the_end_of_input_and_skips_interruptions()
    {
        var line = _reader.ReadLineAsync();
        _terminal.Feed("junk\x03");
        Assert.Contains("tuisupervisor> junk^C", _terminal.ScreenText(), StringComparison.Ordinal);
        await WaitUntil(() => LastLine() == "tuisupervisor>");
        _terminal.Feed("quit\r");
        Assert.Equal("quit", await line.WaitAsync(TimeSpan.FromSeconds(10)));

        var end = _reader.ReadLineAsync();
        _terminal.Feed("\x04");
        Assert.Null(await end.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ctrl_C_interrupts_a_pending_read_and_raises_the_event_otherwise()
    {
        var read = _reader.ReadAsync();
        _terminal.Feed("tail -f web\x03");
        Assert.True(read.IsCompleted);
        Assert.Equal(LineReadResult.Interrupted, await read);

        var interrupts = 0;
        _reader.Interrupted += (_, _) => interrupts++;
        _terminal.Feed("\x03");
        Assert.Equal(1, interrupts);
    }

    [Fact]
    public void Tab_completes_the_common_prefix_and_lists_the_candidates_on_a_second_tab()
    {
        _reader.Completion = before => before.Contains(' ', StringComparison.Ordinal) ? ["web", "worker:worker_00", "worker:worker_01"] : ["start", "status", "stop"];
        _reader.ReadAsync();
        _terminal.Feed("sta\t");
        Assert.Equal("tuisupervisor> sta", LastLine());
        _terminal.Feed("r\t");
        Assert.Equal("tuisupervisor> start", LastLine());
        Assert.Equal(21, _terminal.CursorX);
        _terminal.Feed("w\t");
        Assert.Equal("tuisupervisor> start w", LastLine());
        _terminal.Feed("o\t");
        Assert.Equal("tuisupervisor> start worker:worker_0", LastLine());
        _terminal.Feed("\t");

        var lines = _terminal.ScreenText().Split('\n');
        Assert.Equal(["tuisupervisor> start worker:worker_0", "worker:worker_00  worker:worker_01", "tuisupervisor> start worker:worker_0"], lines[^3..]);
    }

    [Fact]
    public void History_recalls_earlier_lines()
    {
        _reader.ReadAsync();
        _terminal.Feed("status\r");
        _reader.ReadAsync();
        _terminal.Feed("restart web\r");
        _reader.ReadAsync();
        _terminal.Feed("\e[A\e[A");
        Assert.Equal("tuisupervisor> status", LastLine());
        _terminal.Feed("\e[B");
        Assert.Equal("tuisupervisor> restart web", LastLine());
    }

    [Fact]
    public async Task A_line_typed_while_no_read_is_pending_is_kept_for_the_next_read()
    {
        _terminal.Feed("status\r");
        var read = _reader.ReadAsync();
        Assert.True(read.IsCompleted);
        Assert.Equal(LineReadResult.Of("status"), await read);
    }

    [Fact]
    public void A_line_longer_than_the_terminal_scrolls_sideways_and_keeps_the_caret_visible()
    {
        _reader.ReadAsync();
        _terminal.Feed("signal HUP worker:worker_00 worker:worker_01");
        var last = LastLine();
        Assert.StartsWith("tuisupervisor> ", last, StringComparison.Ordinal);
        Assert.EndsWith("worker_01", last, StringComparison.Ordinal);
        Assert.Equal(38, _terminal.CursorX);
        Assert.Empty(_terminal.ScrollbackLines);
        _terminal.Feed("\x01");
        Assert.Equal("tuisupervisor> signal HUP worker:worker", LastLine());
        Assert.Equal(15, _terminal.CursorX);
    }

    [Fact]
    public void Writes_from_many_threads_while_typing_all_appear_above_an_intact_prompt()
    {
        _reader.ReadAsync();
        var writers = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 50; i++)
                _reader.WriteAbove($"thread {t} line {i}");
        })).ToList();
        writers.ForEach(w => w.Start());
        foreach (var c in "stop web")
            _terminal.Feed(c.ToString());
        writers.ForEach(w => w.Join());

        var all = _terminal.ScrollbackLines.Concat(_terminal.ScreenText().Split('\n')).ToList();
        Assert.Equal("tuisupervisor> stop web", all[^1]);
        Assert.Equal(200, all.Count(l => l.StartsWith("thread ", StringComparison.Ordinal)));
        Assert.DoesNotContain(all, l => l.Contains("tuisupervisor>", StringComparison.Ordinal) && l != all[^1]);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        Assert.True(condition());
    }
}
