using System.Globalization;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>
/// A live process of one test run, found through /proc: its PID, group, session, and the
/// process name the engine gave it (<c>SUPERVISOR_PROCESS_NAME</c>, inherited by grandchildren).
/// </summary>
internal sealed record MarkedProcess(int Pid, int Group, int Session, string ProcessName)
{
    public bool LeadsSession => Session == Pid;

    /// <summary>Every live (not zombie) process whose environment carries <paramref name="marker"/>.</summary>
    public static List<MarkedProcess> Scan(string marker)
    {
        var wanted = $"{ProgramMix.MarkerVariable}={marker}";
        var found = new List<MarkedProcess>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (!environment.Contains(wanted))
                    continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid pgrp session …": comm may hold spaces, so fields are counted after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z")
                    continue;
                var name = environment.FirstOrDefault(e => e.StartsWith("SUPERVISOR_PROCESS_NAME=", StringComparison.Ordinal))?["SUPERVISOR_PROCESS_NAME=".Length..] ?? "?";
                found.Add(new MarkedProcess(pid, int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture), name));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Ended while being read: gone, so not a process to account for.
            }
        }

        return found;
    }
}
