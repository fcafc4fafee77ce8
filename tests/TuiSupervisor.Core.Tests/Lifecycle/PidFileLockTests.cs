using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Posix;
using TuiSupervisor.Core.Tests.Logging;

namespace TuiSupervisor.Core.Tests.Lifecycle;

[SupportedOSPlatform("linux")]
public sealed class PidFileLockTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _directory = new();
    private readonly List<Process> _holders = [];

    public void Dispose()
    {
        foreach (Process holder in _holders)
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
            holder.Dispose();
        }
        _directory.Dispose();
    }

    [Fact]
    public void Acquiring_creates_the_folder_and_writes_our_pid_and_a_newline()
    {
        string path = _directory.File("run/app/supervisor.pid");

        Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? pidFile, out string error), error);

        using (pidFile)
        {
            Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(path));
            Assert.Equal(path, pidFile!.Path);
            int umask = Convert.ToInt32(ProcStatus.Field("self", "Umask"), 8);
            Assert.Equal((UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead) & ~(UnixFileMode)umask, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_second_acquire_in_the_same_process_is_refused_with_our_pid()
    {
        string path = _directory.File("supervisor.pid");
        Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? first, out _));
        using (first)
        {
            Assert.False(PidFileLock.TryAcquire(path, out PidFileLock? second, out string error));

            Assert.Null(second);
            Assert.Equal($"another tuisupervisor (pid {Environment.ProcessId}) holds {path}", error);
            Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(path));
        }
    }

    [Fact]
    public async Task A_lock_held_by_another_process_is_refused_with_that_process_pid()
    {
        string path = _directory.File("supervisor.pid");
        int holder = await HoldLockAsync(path, writePid: true);

        Assert.False(PidFileLock.TryAcquire(path, out _, out string error));

        Assert.Equal($"another tuisupervisor (pid {holder}) holds {path}", error);
        Assert.Equal($"{holder}\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_holder_that_has_not_written_its_pid_yet_is_refused_without_one()
    {
        string path = _directory.File("supervisor.pid");
        await HoldLockAsync(path, writePid: false);

        Assert.False(PidFileLock.TryAcquire(path, out _, out string error));

        Assert.Equal($"another tuisupervisor holds {path} (it has not written its pid yet)", error);
    }

    [Fact]
    public async Task The_pidfile_of_a_holder_killed_with_SIGKILL_is_taken_over()
    {
        string path = _directory.File("supervisor.pid");
        int holder = await HoldLockAsync(path, writePid: true);
        foreach (Process process in _holders)
        {
            process.Kill(entireProcessTree: true);
        }

        // The lock goes with the holder's last descriptor, a moment after the kill.
        PidFileLock? pidFile = null;
        Poll.Until(() => PidFileLock.TryAcquire(path, out pidFile, out _), "the killed holder's lock to be released");

        using (pidFile)
        {
            Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(path));
        }
    }

    [Fact]
    public void A_stale_pidfile_with_a_longer_pid_in_it_is_overwritten_entirely()
    {
        string path = _directory.File("supervisor.pid");
        File.WriteAllText(path, "123456789\nleft over\n");

        Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? pidFile, out string error), error);

        using (pidFile)
        {
            Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(path));
        }
    }

    [Fact]
    public void Other_programs_opening_the_pidfile_neither_fail_nor_look_like_an_engine()
    {
        string path = _directory.File("supervisor.pid");
        File.WriteAllText(path, "");
        // .NET takes flock(LOCK_EX) for FileShare.None, the strongest lock a reader can hold.
        using (File.Open(path, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? pidFile, out string error), error);
            pidFile!.Dispose();
        }
    }

    [Fact]
    public void Disposing_removes_the_pidfile_and_releases_the_lock()
    {
        string path = _directory.File("supervisor.pid");
        Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? first, out _));

        first!.Dispose();
        first.Dispose();

        Assert.False(File.Exists(path));
        Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? second, out string error), error);
        second!.Dispose();
    }

    [Fact]
    public void Disposing_leaves_alone_a_pidfile_that_is_no_longer_ours()
    {
        string path = _directory.File("supervisor.pid");
        Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? pidFile, out _));
        File.Delete(path);
        File.WriteAllText(path, "4242\n");

        pidFile!.Dispose();

        Assert.Equal("4242\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_reported_as_an_error()
    {
        File.WriteAllText(_directory.File("file"), "");
        string path = _directory.File("file/supervisor.pid");

        Assert.False(PidFileLock.TryAcquire(path, out PidFileLock? pidFile, out string error));

        Assert.Null(pidFile);
        Assert.Equal($"cannot create {_directory.File("file")}, the folder of pidfile {path}: {_directory.File("file")} is a file, not a folder", error);
    }

    [Fact]
    public void Children_do_not_inherit_the_lock()
    {
        string path = _directory.File("supervisor.pid");
        Assert.True(PidFileLock.TryAcquire(path, out PidFileLock? pidFile, out _));
        using (pidFile)
        {
            var startInfo = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add("for fd in /proc/$$/fd/*; do readlink \"$fd\"; done");
            using var child = Process.Start(startInfo)!;
            string descriptors = child.StandardOutput.ReadToEnd();
            Assert.True(child.WaitForExit(10_000));

            Assert.DoesNotContain(path, descriptors, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Has a Python process take a POSIX record lock on the pidfile (which conflicts with ours as a
    /// second engine's would) and (optionally) write its PID into it; returns that PID once the
    /// lock is held.
    /// </summary>
    private async Task<int> HoldLockAsync(string path, bool writePid)
    {
        const string Script = """
            import fcntl, os, sys, time
            pidfile = open(sys.argv[1], "a")
            fcntl.lockf(pidfile, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if sys.argv[2] == "write":
                pidfile.write(f"{os.getpid()}\n")
                pidfile.flush()
            print(os.getpid(), flush=True)
            time.sleep(30)
            """;
        var startInfo = new ProcessStartInfo("python3") { RedirectStandardOutput = true };
        foreach (string argument in new[] { "-c", Script, path, writePid ? "write" : "keep-empty" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        var holder = Process.Start(startInfo)!;
        _holders.Add(holder);
        string? line = await holder.StandardOutput.ReadLineAsync().WaitAsync(Deadline);
        Assert.NotNull(line);
        return int.Parse(line, CultureInfo.InvariantCulture);
    }
}
