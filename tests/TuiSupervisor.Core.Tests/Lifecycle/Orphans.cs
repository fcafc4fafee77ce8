using System.Diagnostics;
using System.Globalization;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Lifecycle;

/// <summary>
/// Processes as an engine killed with SIGKILL leaves them: each leads its own session and its
/// parent is gone, so nothing in the test process is their parent either. Disposing kills the
/// groups still running, so a failed test leaves nothing behind.
/// </summary>
internal sealed class Orphans : IDisposable
{
    private readonly List<Leftover> _started = [];

    /// <summary>
    /// Runs <paramref name="command"/> in the background of a shell that exits at once, and returns
    /// the background process's PID once it leads its own group (the command starts with setsid).
    /// </summary>
    public int Start(string command)
    {
        var startInfo = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"{command} </dev/null >/dev/null 2>&1 & echo $!");
        using var shell = Process.Start(startInfo)!;
        int pid = int.Parse(shell.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        Assert.True(shell.WaitForExit(10_000), "the shell did not exit");
        long startTime = LeftoverProcesses.StartTimeOf(pid) ?? throw new InvalidOperationException($"{pid} ended at once");
        lock (_started)
        {
            _started.Add(new Leftover(pid, startTime, command));
        }
        // The shell printed the PID right after fork: signalling the group before setsid ran
        // would find no such group.
        Poll.Until(() => GroupOf(pid) == pid, $"{pid} to lead its own group");
        return pid;
    }

    /// <summary>The process group of <paramref name="pid"/> (field 5 of /proc/PID/stat), or null when it is gone.</summary>
    public static int? GroupOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[5 - 3], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Every other running member of <paramref name="pid"/>'s process group.</summary>
    public static IEnumerable<int> GroupMembers(int pid) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int member) ? member : 0)
            .Where(member => member > 0 && member != pid && GroupOf(member) == pid && LeftoverProcesses.StartTimeOf(member) is not null);

    public void Dispose()
    {
        foreach (Leftover leftover in _started.Where(l => LeftoverProcesses.StartTimeOf(l.Pid) == l.StartTime))
        {
            ProcessSignaller.SignalGroup(leftover.Pid, Interop.SIGKILL);
        }
    }
}
