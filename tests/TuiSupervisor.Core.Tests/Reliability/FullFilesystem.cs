using System.Diagnostics;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>
/// A log folder on a filesystem that fills up: a 1 MiB tmpfs mounted for the test when we may
/// (root with CAP_SYS_ADMIN), nearly filled by a filler file that <see cref="FreeSpace"/> deletes.
/// Where mounting is refused, the log path is a link to /dev/full (every write fails with ENOSPC,
/// for any user) that <see cref="FreeSpace"/> removes: the same failure, seen by the engine the same way.
/// </summary>
internal sealed class FullFilesystem : IDisposable
{
    private const int FillerBytes = 900 * 1024;

    private readonly string? _mountPoint;
    private readonly string _undo;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tuisupervisor-full-" + Guid.NewGuid().ToString("N")[..10]);

    public FullFilesystem(string logName)
    {
        var folder = _folder;
        var mountPoint = Path.Combine(folder, "small");
        Directory.CreateDirectory(mountPoint);
        if (Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint) == 0)
        {
            _mountPoint = mountPoint;
            LogPath = Path.Combine(mountPoint, logName);
            _undo = Path.Combine(mountPoint, "filler");
            File.WriteAllBytes(_undo, new byte[FillerBytes]);
            How = "a 1 MiB tmpfs, 900 KiB of it taken by a filler file";
        }
        else
        {
            LogPath = Path.Combine(folder, logName);
            _undo = LogPath;
            File.CreateSymbolicLink(LogPath, "/dev/full");
            How = "mount refused (not root?): the log path links to /dev/full";
        }
    }

    public string LogPath { get; }

    /// <summary>What the test ran on, for its output.</summary>
    public string How { get; }

    /// <summary>Frees the space (deletes the filler, or the link to /dev/full).</summary>
    public void FreeSpace() => File.Delete(_undo);

    public void Dispose()
    {
        if (_mountPoint is not null)
            Run("umount", "-l", _mountPoint);
        Directory.Delete(_folder, recursive: true);
    }

    private static int Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            return process.WaitForExit(10_000) ? process.ExitCode : -1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
