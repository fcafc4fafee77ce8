using System.Globalization;

namespace TuiSupervisor.Bench.Measurement;

/// <summary>What /proc says about one process: CPU time, resident memory, open descriptors, bytes written.</summary>
internal static class ProcessProbe
{
    // USER_HZ; 100 on every Linux the product targets (sysconf(_SC_CLK_TCK) would say the same).
    private const double TicksPerSecond = 100;

    /// <summary>utime + stime in seconds (fields 14 and 15 of /proc/PID/stat).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces and parentheses: fields are counted after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>VmRSS from /proc/PID/status, in MiB.</summary>
    public static double RssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }

        throw new InvalidOperationException($"no VmRSS for pid {pid}");
    }

    public static int OpenDescriptors(int pid) => Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;

    /// <summary>
    /// wchar from /proc/PID/io: the bytes it passed to write() and its kin (a terminal, pipes,
    /// files), but not to send() or sendto() on a socket, which the kernel does not count there.
    /// </summary>
    public static long WrittenBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/io"))
        {
            if (line.StartsWith("wchar:", StringComparison.Ordinal))
                return long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"no wchar for pid {pid}");
    }
}
