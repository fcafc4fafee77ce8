using Microsoft.Win32.SafeHandles;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// Remembers, beside the pidfile, which processes the engine has running, so that the next start
/// after the engine was killed with SIGKILL can find the ones it left behind and stop them
/// (spec section 4). A clean shutdown stops every child and clears the record.
/// </summary>
/// <remarks>
/// <para>The state file holds one line per process, <c>PID STARTTIME NAME</c>. The start time
/// (clock ticks since boot, from <c>/proc/PID/stat</c>) is what makes the record safe to act on:
/// by the next start the PID may belong to an unrelated process, and a PID whose start time differs
/// from the recorded one is left alone.</para>
/// <para>Call <see cref="Find"/> only while holding the <see cref="PidFileLock"/> of the same
/// pidfile: otherwise the "leftovers" may be the live children of an engine that is still running.</para>
/// </remarks>
internal sealed class LeftoverProcesses(string stateFile)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // SIGKILL cannot be caught, but a process in uninterruptible sleep only dies when its I/O ends.
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The start time of each recorded pid, read once: it cannot change while the pid is our
    /// unreaped child, and reading /proc/PID/stat of every running child at every change made a
    /// respawn cost a read per supervised process.
    /// </summary>
    private readonly Dictionary<int, long> _startTimes = [];

    private SafeFileHandle? _file;

    /// <summary>The state file's path.</summary>
    public string StateFile { get; } = stateFile;

    /// <summary>Where the state file of the engine with <paramref name="pidFile"/> lives.</summary>
    public static string StateFileFor(string pidFile) => pidFile + ".children";

    /// <summary>
    /// Replaces the record with <paramref name="running"/> (processes that exited meanwhile are left
    /// out). Returns null, or why the file could not be written.
    /// </summary>
    /// <remarks>
    /// The file is rewritten in place, from its start, and then cut to the new length: a SIGKILL
    /// between the two leaves the new record followed by stale lines of the old one, which are
    /// harmless, as every line is checked against a live process's PID and start time before
    /// anything acts on it. (Writing aside and renaming over the old file, as before, made ext4
    /// start writing the file back at every rename: a tenth of the engine's time in a restart
    /// loop.) No fsync: the record must survive the engine's death, which the page cache does;
    /// after a reboot none of the PIDs matter.
    /// </remarks>
    public string? Record(IEnumerable<(int Pid, string Name)> running)
    {
        ArgumentNullException.ThrowIfNull(running);
        var text = new StringBuilder();
        var recorded = new HashSet<int>();
        foreach ((int pid, string name) in running)
        {
            if (StartTimeCached(pid) is { } startTime)
            {
                recorded.Add(pid);
                text.Append(CultureInfo.InvariantCulture, $"{pid} {startTime} {name}\n");
            }
        }
        foreach (int gone in _startTimes.Keys.Where(pid => !recorded.Contains(pid)).ToList())
        {
            _startTimes.Remove(gone);
        }
        try
        {
            _file ??= File.OpenHandle(StateFile, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
            RandomAccess.Write(_file, bytes, 0);
            RandomAccess.SetLength(_file, bytes.Length);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file?.Dispose();
            _file = null;
            return $"cannot record the running processes in {StateFile}: {e.Message}";
        }
    }

    private long? StartTimeCached(int pid)
    {
        if (_startTimes.TryGetValue(pid, out long known))
        {
            return known;
        }
        if (StartTimeOf(pid) is not { } startTime)
        {
            return null;
        }
        _startTimes[pid] = startTime;
        return startTime;
    }

    /// <summary>Closes the record, which stays for the next start to find.</summary>
    public void Close()
    {
        _file?.Dispose();
        _file = null;
    }

    /// <summary>Forgets the record, after a clean shutdown. Returns null, or why the file could not be removed.</summary>
    public string? Clear()
    {
        Close();
        try
        {
            File.Delete(StateFile);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot remove {StateFile}: {e.Message}";
        }
    }

    /// <summary>
    /// The recorded processes that still run with the recorded start time. A missing state file
    /// (the first start, or the last run shut down cleanly) finds none; malformed lines are skipped.
    /// </summary>
    public static IReadOnlyList<Leftover> Find(string stateFile)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(stateFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        var found = new List<Leftover>();
        foreach (string line in lines)
        {
            string[] fields = line.Split(' ', 3);
            if (fields.Length == 3
                && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long startTime)
                && pid > 1
                && StartTimeOf(pid) == startTime)
            {
                found.Add(new Leftover(pid, startTime, fields[2]));
            }
        }
        return found;
    }

    /// <summary>
    /// Sends SIGTERM to each leftover's process group, then SIGKILL to the groups whose leader is
    /// still running after <paramref name="grace"/>, and returns one line per leftover saying what
    /// happened, in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StopAsync(
        IReadOnlyList<Leftover> leftovers, TimeSpan grace, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leftovers);
        ArgumentNullException.ThrowIfNull(time);
        var outcomes = new string?[leftovers.Count];

        var terminated = new List<int>();
        for (int i = 0; i < leftovers.Count; i++)
        {
            if (TrySignal(leftovers[i], Interop.SIGTERM, out outcomes[i]))
            {
                terminated.Add(i);
            }
            else
            {
                outcomes[i] ??= $"leftover process {leftovers[i].Name} (pid {leftovers[i].Pid}) from an earlier run ended before it was stopped";
            }
        }
        List<int> stubborn = await WaitForExitAsync(leftovers, terminated, grace, time, cancellationToken).ConfigureAwait(false);
        foreach (int i in terminated.Except(stubborn))
        {
            outcomes[i] = Stopped(leftovers[i]);
        }

        var killed = new List<int>();
        foreach (int i in stubborn)
        {
            if (TrySignal(leftovers[i], Interop.SIGKILL, out outcomes[i]))
            {
                killed.Add(i);
            }
            else
            {
                // It ended on its own between the last poll and SIGKILL: SIGTERM did stop it.
                outcomes[i] ??= Stopped(leftovers[i]);
            }
        }
        List<int> unkillable = await WaitForExitAsync(leftovers, killed, KillWait, time, cancellationToken).ConfigureAwait(false);
        string seconds = grace.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        foreach (int i in killed)
        {
            (int pid, string name) = (leftovers[i].Pid, leftovers[i].Name);
            outcomes[i] = unkillable.Contains(i)
                ? $"leftover process {name} (pid {pid}) from an earlier run is still running after SIGKILL"
                : $"killed leftover process {name} (pid {pid}) from an earlier run with SIGKILL: it was still running {seconds}s after SIGTERM";
        }
        return outcomes!;
    }

    /// <summary>
    /// The start time of a running process, in clock ticks since boot, or null when there is no
    /// such process or it is a zombie (it has finished; only its exit status waits for a reaper).
    /// </summary>
    internal static long? StartTimeOf(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may itself hold spaces and ')', so the
        // fields are counted from the last ')': the state is field 3, the start time field 22.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[0] is "Z" or "X"
            ? null
            : long.Parse(fields[22 - 3], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static bool IsRunning(Leftover leftover) => StartTimeOf(leftover.Pid) == leftover.StartTime;

    private static string Stopped(Leftover leftover) =>
        $"stopped leftover process {leftover.Name} (pid {leftover.Pid}) from an earlier run that ended without shutting down";

    /// <summary>
    /// Signals a leftover's group. False when it is no longer running, or, with
    /// <paramref name="failure"/> set, when the signal could not be sent.
    /// </summary>
    /// <remarks>
    /// The start time is checked again just before: the process may have ended since it was found,
    /// and its PID may be anybody's now. The PID is the group's id because each child leads its own
    /// session, and a session leader cannot move to another group.
    /// </remarks>
    private static bool TrySignal(Leftover leftover, int signal, out string? failure)
    {
        failure = null;
        try
        {
            return IsRunning(leftover) && ProcessSignaller.SignalGroup(leftover.Pid, signal);
        }
        catch (Win32Exception e)
        {
            failure = $"cannot stop leftover process {leftover.Name} (pid {leftover.Pid}) from an earlier run: {e.Message}";
            return false;
        }
    }

    /// <summary>Polls until the given leftovers have ended or <paramref name="limit"/> passes; returns those still running.</summary>
    private static async Task<List<int>> WaitForExitAsync(
        IReadOnlyList<Leftover> leftovers, List<int> indices, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        List<int> running = [.. indices.Where(i => IsRunning(leftovers[i]))];
        while (running.Count > 0 && time.GetElapsedTime(started) < limit)
        {
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            running.RemoveAll(i => !IsRunning(leftovers[i]));
        }
        return running;
    }
}
