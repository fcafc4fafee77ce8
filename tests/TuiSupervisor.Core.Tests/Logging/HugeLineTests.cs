using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Core.Tests.Logging;

[Collection(nameof(MemoryMeasurement))]
public sealed class HugeLineTests : IDisposable
{
    private const long LineLength = 100L * 1024 * 1024;
    private const int ChunkSize = 64 * 1024;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // Printable bytes that depend on the position, so a lost, repeated or reordered chunk shows;
    // position is a multiple of the chunk size.
    private static void Fill(Span<byte> chunk, long position)
    {
        var value = (int)(((position * 31) + (position / ChunkSize)) % 90);
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)(33 + value);
            value = (value + 31) % 90;
        }
    }

    [Fact]
    public async Task A_100_MB_line_without_newline_lands_complete_in_the_file_while_memory_stays_bounded()
    {
        var path = _dir.File("huge.log");
        var ring = new OutputRing();
        using var file = new RotatingLogFile(path, maxBytes: 0, backups: 0);
        using var pump = new OutputPump();
        var (writer, readEnd) = OutputPumpTests.CreatePipe();
        using var writing = writer;
        var chunk = new byte[ChunkSize];

        // Everything the test itself allocates is in place before measuring; the writer reuses one
        // chunk, so whatever the process allocates meanwhile is the pump's doing.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var draining = pump.Add(readEnd, ring, file);
        for (long written = 0; written < LineLength; written += ChunkSize)
        {
            Fill(chunk, written);
            writer.Write(chunk);
        }

        writer.Dispose();
        var drained = await draining.WaitAsync(TimeSpan.FromSeconds(60));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(LineLength, drained);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes while draining 100 MB");
        Assert.Equal(ring.Capacity, ring.Count);
        Assert.Equal(LineLength, ring.TotalWritten);
        Assert.Equal(ring.Capacity, ring.ReadLastLines(1).Bytes.Length);

        Assert.Equal(LineLength, new FileInfo(path).Length);
        using var content = File.OpenRead(path);
        var expected = new byte[ChunkSize];
        for (long position = 0; position < LineLength; position += ChunkSize)
        {
            content.ReadExactly(chunk);
            Fill(expected, position);
            Assert.True(chunk.AsSpan().SequenceEqual(expected), $"the file differs in the chunk at {position}");
        }
    }
}
