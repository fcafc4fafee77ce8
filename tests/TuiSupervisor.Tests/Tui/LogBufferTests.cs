using System.Text;
using TuiSupervisor.Tui;

namespace TuiSupervisor.Tests.Tui;

public class LogBufferTests
{
    [Fact]
    public void Chunks_split_into_lines_per_stream_with_unfinished_lines_shown_last()
    {
        var buffer = new LogBuffer();
        buffer.Append(LogStream.Stdout, "one\ntw"u8);
        buffer.Append(LogStream.Stderr, "oops\nhalf"u8);
        buffer.Append(LogStream.Stdout, "o\nprompt> "u8);

        Assert.Equal(["out:one", "err:oops", "out:two", "out:prompt> ", "err:half"], Texts(buffer.Read(0, 100)));
        Assert.Equal(3, buffer.Total);
        Assert.Equal(5, buffer.End);
        Assert.Equal(["err:oops"], Texts(buffer.Read(1, 1)));
    }

    [Fact]
    public void Old_lines_are_dropped_past_the_line_or_byte_budget_and_keep_their_numbers()
    {
        var byLines = new LogBuffer(maxLines: 3);
        for (var i = 0; i < 10; i++)
            byLines.Append(LogStream.Stdout, Encoding.ASCII.GetBytes($"line {i}\n"));
        Assert.Equal(7, byLines.First);
        Assert.Equal(["out:line 7", "out:line 8", "out:line 9"], Texts(byLines.Read(0, 100)));
        Assert.Equal(["out:line 9"], Texts(byLines.Read(9, 100)));

        var byBytes = new LogBuffer(maxLines: 100, maxBytes: 10);
        byBytes.Append(LogStream.Stdout, "aaaa\nbbbb\ncccc\n"u8);
        Assert.Equal(["out:bbbb", "out:cccc"], Texts(byBytes.Read(0, 100)));
    }

    [Fact]
    public void A_line_without_end_is_broken_at_the_line_limit_so_memory_stays_bounded()
    {
        var buffer = new LogBuffer(maxLines: 4);
        var chunk = new byte[LogBuffer.MaxLineBytes * 3 + 5];
        chunk.AsSpan().Fill((byte)'x');
        for (var i = 0; i < 100; i++)
            buffer.Append(LogStream.Stdout, chunk);

        var lines = buffer.Read(0, 100);
        Assert.Equal(5, lines.Count);
        Assert.All(lines.Take(4), l => Assert.Equal(LogBuffer.MaxLineBytes, l.Bytes.Length));
        Assert.True(lines[4].Bytes.Length < LogBuffer.MaxLineBytes);
    }

    private static IEnumerable<string> Texts(IEnumerable<LogLine> lines) =>
        lines.Select(l => (l.Stream == LogStream.Stderr ? "err:" : "out:") + Encoding.UTF8.GetString(l.Bytes));
}
