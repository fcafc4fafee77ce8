using TuiSupervisor.Core.Tests.Logging;

namespace TuiSupervisor.Core.Tests.Engine;

/// <summary>Measures allocations, which are counted for the whole test process: it runs alone.</summary>
[Collection(nameof(MemoryMeasurement))]
public class EngineMemoryTests
{
    [Fact]
    public async Task A_100_MB_line_without_newline_lands_whole_in_the_file_while_memory_stays_bounded()
    {
        await using var engine = new RealEngine("""
            [programs.flood]
            command = "/bin/sh -c 'head -c 104857600 /dev/zero | tr \"\\\\000\" x; exec sleep 1000'"
            startsecs = 0
            stdout_logfile = "flood.log"
            stdout_logfile_maxbytes = 0
            """);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await engine.Supervisor.StartAutostartProgramsAsync();
        var log = Path.Combine(engine.Folder, "flood.log");
        Poll.Until(() => File.Exists(log) && new FileInfo(log).Length == 104_857_600, "100 MB in the log file", timeoutMs: 60_000);

        var tail = engine.Tail("flood", false, 1);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.True(allocated < 16L * 1024 * 1024, $"the engine allocated {allocated} bytes for a 100 MB flood: it copied it through memory instead of streaming it");
        Assert.InRange(tail.Length, 1, 256 * 1024);
        Assert.True(tail.All(b => b == (byte)'x'), "the tail holds the flood's last bytes");
    }
}
