using System.Globalization;

namespace TuiSupervisor.Core.Posix;

/// <summary>Reads fields of <c>/proc/PID/status</c>, the kernel's own view of a process's signals and umask.</summary>
internal static class ProcStatus
{
    /// <summary>The value of a field such as <c>SigIgn</c> for <paramref name="process"/> (a pid or <c>self</c>), or null.</summary>
    public static string? Field(string process, string name)
    {
        string prefix = name + ":";
        foreach (string line in File.ReadLines($"/proc/{process}/status"))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..].Trim();
            }
        }
        return null;
    }

    /// <summary>Whether a signal is in a mask field (<c>SigIgn</c>, <c>SigBlk</c>, …); bit N-1 stands for signal N.</summary>
    public static bool HasSignal(string process, string maskField, int signal)
    {
        string hex = Field(process, maskField) ?? throw new InvalidOperationException($"/proc/{process}/status has no {maskField}");
        ulong mask = ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }
}
