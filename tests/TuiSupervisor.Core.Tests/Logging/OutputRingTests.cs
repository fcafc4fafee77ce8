using System.Text;
using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Core.Tests.Logging;

public class OutputRingTests
{
    private static string Text(OutputSlice slice) => Encoding.UTF8.GetString(slice.Bytes.Span);

    private static void Write(OutputRing ring, string text) => ring.Write(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Only_the_last_capacity_bytes_are_kept_while_every_byte_is_counted()
    {
        var ring = new OutputRing(capacity: 10);
        Write(ring, "0123456789abcdef");
        Write(ring, "XYZ");

        Assert.Equal(19, ring.TotalWritten);
        Assert.Equal(10, ring.Count);
        var all = ring.ReadFrom(0);
        Assert.Equal("9abcdefXYZ", Text(all));
        Assert.Equal(9, all.Offset);
        Assert.Equal(9, all.Dropped);
        Assert.Equal(19, all.NextOffset);
    }

    [Fact]
    public void A_reader_that_keeps_up_sees_every_byte_once_and_nothing_dropped()
    {
        var ring = new OutputRing(capacity: 8);
        var seen = new StringBuilder();
        long offset = 0;
        foreach (var piece in new[] { "ab", "cdef", "ghijkl", "m", "nopqrst" })
        {
            Write(ring, piece);
            var slice = ring.ReadFrom(offset);
            Assert.Equal(0, slice.Dropped);
            seen.Append(Text(slice));
            offset = slice.NextOffset;
        }

        Assert.Equal("abcdefghijklmnopqrst", seen.ToString());
    }

    [Fact]
    public void ReadFrom_returns_at_most_maxBytes_and_the_rest_on_the_next_read()
    {
        var ring = new OutputRing(capacity: 100);
        Write(ring, "0123456789");

        var first = ring.ReadFrom(2, maxBytes: 3);
        var second = ring.ReadFrom(first.NextOffset);

        Assert.Equal("234", Text(first));
        Assert.Equal("56789", Text(second));
    }

    [Fact]
    public void ReadLastBytes_returns_the_tail_cut_anywhere_like_supervisorctl_tail()
    {
        var ring = new OutputRing(capacity: 100);
        Write(ring, "tick 69\ntick 70\n");

        var tail = ring.ReadLastBytes(6);

        Assert.Equal("ck 70\n", Text(tail));
        Assert.Equal(10, tail.Offset);
        Assert.Equal("tick 69\ntick 70\n", Text(ring.ReadLastBytes(1600)));
    }

    [Theory]
    [InlineData("a\nb\nc\n", 2, "b\nc\n")]
    [InlineData("a\nb\nc", 2, "b\nc")]
    [InlineData("a\nb\npartial", 1, "partial")]
    [InlineData("a\nb\n", 5, "a\nb\n")]
    [InlineData("a\n\n\nb\n", 3, "\n\nb\n")]
    [InlineData("a\nb\n", 0, "")]
    [InlineData("", 3, "")]
    [InlineData("\n", 1, "\n")]
    public void ReadLastLines_counts_a_partial_trailing_line_as_a_line(string written, int lines, string expected)
    {
        var ring = new OutputRing(capacity: 100);
        Write(ring, written);

        var last = ring.ReadLastLines(lines);

        Assert.Equal(expected, Text(last));
        Assert.Equal(ring.TotalWritten, last.NextOffset);
    }

    [Fact]
    public void ReadLastLines_finds_lines_across_the_point_where_the_ring_wraps()
    {
        var ring = new OutputRing(capacity: 16);
        for (var i = 0; i < 7; i++)
        {
            Write(ring, $"line{i}\n");
        }

        Assert.Equal("line5\nline6\n", Text(ring.ReadLastLines(2)));
        Assert.Equal("ne4\nline5\nline6\n", Text(ring.ReadLastLines(10)));
    }

    [Fact]
    public void A_line_longer_than_the_ring_leaves_only_its_tail_in_memory()
    {
        var ring = new OutputRing(capacity: 1000);
        var chunk = new byte[4096];
        chunk.AsSpan().Fill((byte)'x');
        for (var i = 0; i < 100; i++)
        {
            ring.Write(chunk);
        }

        var last = ring.ReadLastLines(3);

        Assert.Equal(1000, ring.Count);
        Assert.Equal(1000, last.Bytes.Length);
        Assert.Equal(409_600, ring.TotalWritten);
    }

    [Fact]
    public async Task A_follower_is_woken_by_data_written_after_its_offset()
    {
        var ring = new OutputRing(capacity: 100);
        Write(ring, "old\n");
        var offset = ring.TotalWritten;
        var waiting = ring.WaitForDataAsync(offset);
        Assert.False(waiting.IsCompleted);

        var writer = Task.Run(() => Write(ring, "new\n"));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await writer;

        Assert.Equal("new\n", Text(ring.ReadFrom(offset)));
        Assert.True(ring.WaitForDataAsync(offset).IsCompleted, "data past the offset is already there");
    }

    [Fact]
    public async Task A_follower_that_fell_behind_learns_how_many_bytes_it_missed()
    {
        var ring = new OutputRing(capacity: 8);
        Write(ring, "abcd");
        var offset = ring.TotalWritten;
        var waiting = ring.WaitForDataAsync(offset);

        Write(ring, "efghijklmnop");
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        var slice = ring.ReadFrom(offset);

        Assert.Equal(4, slice.Dropped);
        Assert.Equal(8, slice.Offset);
        Assert.Equal("ijklmnop", Text(slice));
    }

    [Fact]
    public async Task Waiting_for_data_can_be_cancelled()
    {
        var ring = new OutputRing(capacity: 8);
        using var cancel = new CancellationTokenSource();
        var waiting = ring.WaitForDataAsync(0, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
