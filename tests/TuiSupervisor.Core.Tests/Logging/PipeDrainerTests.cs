using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Core.Tests.Logging;

public sealed class PipeDrainerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new();
    private readonly ConcurrentQueue<LogFileNotice> _notices = new();

    public void Dispose() => _dir.Dispose();

    // A real OS pipe: what the drainer reads from a child, written by the test instead.
    private static (AnonymousPipeServerStream Writer, Stream Reader) CreatePipe()
    {
        var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        return (writer, new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle));
    }

    [Fact]
    public async Task A_childs_binary_output_with_invalid_UTF8_NUL_and_escape_sequences_is_captured_byte_for_byte()
    {
        var ring = new OutputRing();
        using var file = new RotatingLogFile(_dir.File("child.log"), 1024 * 1024, 2, _notices.Enqueue);
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", @"printf 'caf\303\251 \377\376 nul:\000: esc:\033[31mred\033[0m\r\nhalf a line'" },
            RedirectStandardOutput = true,
        };
        using var child = Process.Start(start)!;

        var drainer = PipeDrainer.Start(child.StandardOutput.BaseStream, ring, file, "child:stdout");
        var drained = await drainer.Completion.WaitAsync(Deadline);
        await child.WaitForExitAsync().WaitAsync(Deadline);

        byte[] expected = [.. "caf"u8, 0xC3, 0xA9, (byte)' ', 0xFF, 0xFE, .. " nul:"u8, 0, (byte)':',
            .. " esc:\e[31mred\e[0m\r\nhalf a line"u8];
        Assert.Equal(expected.Length, drained);
        Assert.Equal(expected, File.ReadAllBytes(file.Path));
        Assert.Equal(expected, ring.ReadFrom(0).Bytes.ToArray());
        Assert.Empty(_notices);
    }

    [Fact]
    public async Task Every_byte_value_in_chunks_of_every_size_arrives_unchanged_through_a_pipe_handle()
    {
        var ring = new OutputRing(capacity: 1024 * 1024);
        using var file = new RotatingLogFile(_dir.File("bytes.log"), 0, 0, _notices.Enqueue);
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);

        // The SafeFileHandle overload is what the spawner hands over; take the fd over from the pipe object.
        var readEnd = new SafeFileHandle(writer.ClientSafePipeHandle.DangerousGetHandle(), ownsHandle: true);
        writer.ClientSafePipeHandle.SetHandleAsInvalid();
        var drainer = PipeDrainer.Start(readEnd, ring, file, "bytes:stdout");

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
        Assert.Equal(expected.Length, await drainer.Completion.WaitAsync(Deadline));
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(file.Path));
        Assert.Equal(expected.ToArray(), ring.ReadFrom(0).Bytes.ToArray());
    }

    [Fact]
    public async Task A_failing_log_file_does_not_stop_draining_and_is_reported_once()
    {
        var path = _dir.File("full.log");
        File.CreateSymbolicLink(path, "/dev/full");
        var ring = new OutputRing(capacity: 64 * 1024);
        using var file = new RotatingLogFile(path, 1024, 3, _notices.Enqueue);
        var (writer, reader) = CreatePipe();
        var drainer = PipeDrainer.Start(reader, ring, file, "full:stdout");

        // Eight times the pending limit: the writer would block for good if draining stopped.
        var line = Encoding.ASCII.GetBytes(new string('z', 1023) + "\n");
        for (var i = 0; i < 8 * 1024; i++)
        {
            writer.Write(line);
        }

        writer.Write("the end\n"u8);
        writer.Dispose();

        Assert.Equal(8L * 1024 * 1024 + 8, await drainer.Completion.WaitAsync(Deadline));
        Assert.EndsWith("zzz\nthe end\n", Encoding.ASCII.GetString(ring.ReadLastLines(2).Bytes.Span), StringComparison.Ordinal);
        Assert.Equal(LogFileNoticeKind.Failing, Assert.Single(_notices).Kind);
        Assert.Equal(RotatingLogFile.DefaultPendingLimit, file.PendingBytes);
    }

    [Fact]
    public async Task Output_goes_to_the_ring_alone_when_the_stream_has_no_log_file()
    {
        var ring = new OutputRing();
        var (writer, reader) = CreatePipe();
        var drainer = PipeDrainer.Start(reader, ring, file: null, "nolog:stdout");

        writer.Write("only in memory\n"u8);
        Poll.Until(() => ring.TotalWritten == 15, "the line is in the ring");
        writer.Dispose();

        Assert.Equal(15, await drainer.Completion.WaitAsync(Deadline));
        Assert.Equal("only in memory\n", Encoding.ASCII.GetString(ring.ReadLastLines(1).Bytes.Span));
    }
}
