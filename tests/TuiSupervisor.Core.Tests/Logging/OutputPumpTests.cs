using System.Collections.Concurrent;
using System.IO.Pipes;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TuiSupervisor.Core.Logging;
using TuiSupervisor.Core.Posix;
using TuiSupervisor.Core.Tests.Posix;

namespace TuiSupervisor.Core.Tests.Logging;

public sealed class OutputPumpTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new();
    private readonly ConcurrentQueue<LogFileNotice> _notices = new();
    private readonly OutputPump _pump = new();

    public void Dispose()
    {
        _pump.Dispose();
        _dir.Dispose();
    }

    /// <summary>A real OS pipe: what the pump reads from a child, written by the test instead.</summary>
    internal static (AnonymousPipeServerStream Writer, SafeFileHandle ReadEnd) CreatePipe()
    {
        var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        var readEnd = new SafeFileHandle(writer.ClientSafePipeHandle.DangerousGetHandle(), ownsHandle: true);
        writer.ClientSafePipeHandle.SetHandleAsInvalid();
        return (writer, readEnd);
    }

    [Fact]
    public async Task A_childs_binary_output_with_invalid_UTF8_NUL_and_escape_sequences_is_captured_byte_for_byte()
    {
        var ring = new OutputRing();
        using var file = new RotatingLogFile(_dir.File("child.log"), 1024 * 1024, 2, _notices.Enqueue);
        using var harness = new ChildHarness();
        SpawnedChild child = harness.Start("/bin/sh", "-c", @"printf 'caf\303\251 \377\376 nul:\000: esc:\033[31mred\033[0m\r\nhalf a line'");

        var drained = await _pump.Add(child.Stdout, ring, file).WaitAsync(Deadline);
        await harness.WaitForExitAsync(child.Pid);

        byte[] expected = [.. "caf"u8, 0xC3, 0xA9, (byte)' ', 0xFF, 0xFE, .. " nul:"u8, 0, (byte)':',
            .. " esc:\e[31mred\e[0m\r\nhalf a line"u8];
        Assert.Equal(expected.Length, drained);
        Assert.Equal(expected, File.ReadAllBytes(file.Path));
        Assert.Equal(expected, ring.ReadFrom(0).Bytes.ToArray());
        Assert.Empty(_notices);
    }

    [Fact]
    public async Task Every_byte_value_in_chunks_of_every_size_arrives_unchanged()
    {
        var ring = new OutputRing(capacity: 1024 * 1024);
        using var file = new RotatingLogFile(_dir.File("bytes.log"), 0, 0, _notices.Enqueue);
        var (writer, readEnd) = CreatePipe();
        var drained = _pump.Add(readEnd, ring, file);

        var expected = new MemoryStream();
        var random = new Random(42);
        for (var size = 1; size < 70_000; size = size * 3 + random.Next(7))
        {
            var chunk = new byte[size];
            random.NextBytes(chunk);
            writer.Write(chunk);
            expected.Write(chunk);
        }

        writer.Dispose();
        Assert.Equal(expected.Length, await drained.WaitAsync(Deadline));
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(file.Path));
        Assert.Equal(expected.ToArray(), ring.ReadFrom(0).Bytes.ToArray());
    }

    [Fact]
    public async Task Many_pipes_written_at_once_each_land_whole_in_their_own_file()
    {
        const int Pipes = 40;
        var streams = Enumerable.Range(0, Pipes).Select(i =>
        {
            var (writer, readEnd) = CreatePipe();
            var ring = new OutputRing();
            var file = new RotatingLogFile(_dir.File($"many-{i}.log"), 0, 0, _notices.Enqueue);
            return (Writer: writer, Ring: ring, File: file, Drained: _pump.Add(readEnd, ring, file));
        }).ToList();

        // Interleaved, each more than a pipe's capacity, so every pipe fills while the pump serves the others.
        var writers = streams.Select((s, i) => Task.Run(() =>
        {
            var line = Encoding.ASCII.GetBytes($"pipe {i:00} " + new string((char)('a' + (i % 26)), 1000) + "\n");
            for (var n = 0; n < 200; n++)
                s.Writer.Write(line);
            s.Writer.Dispose();
            return line;
        })).ToList();

        for (var i = 0; i < Pipes; i++)
        {
            var line = await writers[i].WaitAsync(Deadline);
            Assert.Equal(200L * line.Length, await streams[i].Drained.WaitAsync(Deadline));
            streams[i].File.Dispose();
            var content = File.ReadAllBytes(streams[i].File.Path);
            Assert.Equal(200 * line.Length, content.Length);
            Assert.All(content.Chunk(line.Length), chunk => Assert.Equal(line, chunk));
        }

        Assert.Empty(_notices);
    }

    [Fact]
    public async Task A_failing_log_file_does_not_stop_draining_and_is_reported_once()
    {
        var path = _dir.File("full.log");
        File.CreateSymbolicLink(path, "/dev/full");
        var ring = new OutputRing(capacity: 64 * 1024);
        using var file = new RotatingLogFile(path, 1024, 3, _notices.Enqueue);
        var (writer, readEnd) = CreatePipe();
        var drained = _pump.Add(readEnd, ring, file);

        // Eight times the pending limit: the writer would block for good if draining stopped.
        var line = Encoding.ASCII.GetBytes(new string('z', 1023) + "\n");
        for (var i = 0; i < 8 * 1024; i++)
        {
            writer.Write(line);
        }

        writer.Write("the end\n"u8);
        writer.Dispose();

        Assert.Equal(8L * 1024 * 1024 + 8, await drained.WaitAsync(Deadline));
        Assert.EndsWith("zzz\nthe end\n", Encoding.ASCII.GetString(ring.ReadLastLines(2).Bytes.Span), StringComparison.Ordinal);
        Assert.Equal(LogFileNoticeKind.Failing, Assert.Single(_notices).Kind);
        Assert.Equal(RotatingLogFile.DefaultPendingLimit, file.PendingBytes);
    }

    [Fact]
    public async Task Output_goes_to_the_ring_alone_when_the_stream_has_no_log_file()
    {
        var ring = new OutputRing();
        var (writer, readEnd) = CreatePipe();
        var drained = _pump.Add(readEnd, ring, file: null);

        writer.Write("only in memory\n"u8);
        Poll.Until(() => ring.TotalWritten == 15, "the line is in the ring");
        writer.Dispose();

        Assert.Equal(15, await drained.WaitAsync(Deadline));
        Assert.Equal("only in memory\n", Encoding.ASCII.GetString(ring.ReadLastLines(1).Bytes.Span));
    }

    [Fact]
    public async Task Disposing_takes_what_a_pipe_still_holds_and_closes_a_pipe_held_open()
    {
        var ring = new OutputRing();
        var (writer, readEnd) = CreatePipe();
        var pump = new OutputPump();
        var drained = pump.Add(readEnd, ring, file: null);
        writer.Write("last words\n"u8);

        // The writing end stays open, as when a grandchild keeps it: only the pump's end can close.
        pump.Dispose();

        Assert.Equal(11, await drained.WaitAsync(Deadline));
        Assert.Throws<IOException>(() => writer.Write("x"u8));
        writer.Dispose();
    }
}
