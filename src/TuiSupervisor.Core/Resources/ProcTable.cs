using System.Globalization;
using System.Text;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Resources;

/// <summary>
/// One pass over <c>/proc</c>: every process's <c>stat</c> read once, its CPU time and resident
/// set added to the group it belongs to. A member belongs to a supervised process when its
/// session or process group is that process's pid (our children lead their own session and
/// group, and their descendants stay in them unless they call setsid/setpgid themselves).
/// </summary>
internal static class ProcTable
{
    /// <summary>The totals of one group: CPU ticks (user + system, including reaped children's), resident pages, members.</summary>
    public readonly record struct GroupTotals(long Ticks, long RssPages, int Members);

    // Field positions in /proc/PID/stat counted from the state, the first field after "(comm)".
    private const int PgrpField = 2;
    private const int SessionField = 3;
    private const int UtimeField = 11;
    private const int CstimeField = 14;
    private const int RssField = 21;

    public static Dictionary<int, GroupTotals> Sample(IReadOnlySet<int> leaders)
    {
        var totals = new Dictionary<int, GroupTotals>(leaders.Count);
        if (leaders.Count == 0)
            return totals;
        Span<byte> buffer = stackalloc byte[1024];
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            var name = entry.AsSpan(6);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
                continue;
            if (!TryRead(name, buffer, out var length) || !TryParse(buffer[..length], out var pgrp, out var session, out var ticks, out var rss))
                continue;
            var leader = leaders.Contains(session) ? session : leaders.Contains(pgrp) ? pgrp : 0;
            if (leader == 0)
                continue;
            var sum = totals.GetValueOrDefault(leader);
            totals[leader] = new GroupTotals(sum.Ticks + ticks, sum.RssPages + rss, sum.Members + 1);
        }

        return totals;
    }

    /// <summary>
    /// Reads /proc/PID/stat with three system calls (open, read, close): a FileStream or a
    /// SafeFileHandle adds fstat and two flock calls per file, which with a few hundred processes
    /// on the machine every two seconds was most of an idle engine's system calls.
    /// </summary>
    private static unsafe bool TryRead(ReadOnlySpan<char> pid, Span<byte> buffer, out int length)
    {
        length = 0;
        Span<byte> path = stackalloc byte[32];
        if (pid.Length > 16)
            return false;
        "/proc/"u8.CopyTo(path);
        var end = 6 + Encoding.ASCII.GetBytes(pid, path[6..]);
        "/stat\0"u8.CopyTo(path[end..]);
        int fd;
        fixed (byte* pathBytes = path)
            fd = Interop.open(pathBytes, Interop.O_RDONLY | Interop.O_CLOEXEC);
        if (fd < 0)
            return false; // The process ended between the listing and the open.
        fixed (byte* bytes = buffer)
            length = (int)Interop.read(fd, bytes, (nuint)buffer.Length);
        _ = Interop.close(fd);
        return length > 0;
    }

    /// <summary>Parses "pid (comm) state ppid pgrp session … utime stime cutime cstime … rss"; comm may hold spaces and parentheses.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> stat, out int pgrp, out int session, out long ticks, out long rss)
    {
        pgrp = session = 0;
        ticks = rss = 0;
        var close = stat.LastIndexOf((byte)')');
        if (close < 0 || close + 2 >= stat.Length)
            return false;
        var rest = stat[(close + 2)..];
        var field = 0;
        while (!rest.IsEmpty && field <= RssField)
        {
            var space = rest.IndexOf((byte)' ');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            if (field is PgrpField or SessionField or (>= UtimeField and <= CstimeField) or RssField)
            {
                if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                    return false;
                switch (field)
                {
                    case PgrpField:
                        pgrp = (int)value;
                        break;
                    case SessionField:
                        session = (int)value;
                        break;
                    case RssField:
                        rss = value;
                        break;
                    default:
                        ticks += value;
                        break;
                }
            }

            field++;
        }

        return field > RssField;
    }
}
