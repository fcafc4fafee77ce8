using System.Collections.Concurrent;
using System.IO.Pipes;
using System.Runtime.Versioning;
using System.Text;
using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Core.Tests.Logging;

public sealed class RotatingLogFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ConcurrentQueue<LogFileNotice> _notices = new();

    public void Dispose() => _dir.Dispose();

    // "line 07 ....\n": exactly 100 bytes, like the lines of supervisord's measured program.
    private static string Line(int i) => $"line {i:D2} ".PadRight(99, '.') + "\n";

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(Line));

    private static void Write(RotatingLogFile file, string text) => file.Write(Encoding.ASCII.GetBytes(text));

    private RotatingLogFile Open(string path, long maxBytes = 0, int backups = 0, int pendingLimit = RotatingLogFile.DefaultPendingLimit) =>
        new(path, maxBytes, backups, _notices.Enqueue, pendingLimit);

    [Fact]
    public void Forty_100_byte_lines_with_maxbytes_1KB_and_2_backups_rotate_exactly_like_supervisord()
    {
        var path = _dir.File("lines.log");
        using (var file = Open(path, maxBytes: 1024, backups: 2))
        {
            for (var i = 0; i < 40; i++)
            {
                Write(file, Line(i));
            }
        }

        Assert.Equal(Lines(33, 39), File.ReadAllText(path));
        Assert.Equal(Lines(22, 32), File.ReadAllText(path + ".1"));
        Assert.Equal(Lines(11, 21), File.ReadAllText(path + ".2"));
        Assert.Equal([700, 1100, 1100], new[] { path, path + ".1", path + ".2" }.Select(p => new FileInfo(p).Length));
        Assert.False(File.Exists(path + ".3"));
        Assert.Empty(_notices);
    }

    [Fact]
    public void One_3000_byte_write_leaves_an_empty_current_file_and_all_of_it_in_dot_1()
    {
        var path = _dir.File("burst.log");
        var burst = Lines(0, 29);
        using (var file = Open(path, maxBytes: 1024, backups: 10))
        {
            Write(file, burst);
        }

        Assert.Equal(0, new FileInfo(path).Length);
        Assert.Equal(burst, File.ReadAllText(path + ".1"));
    }

    [Fact]
    public void A_line_written_in_two_writes_is_split_across_files_when_rotation_falls_between()
    {
        var path = _dir.File("partial.log");
        using (var file = Open(path, maxBytes: 1024, backups: 1))
        {
            // 35-byte lines: the file first reaches 1024 bytes after the first half of line 29.
            for (var i = 0; i < 40; i++)
            {
                Write(file, $"p{i:D3} first-half ------ ");
                Write(file, "second-half\n");
            }
        }

        Assert.EndsWith("p029 first-half ------ ", File.ReadAllText(path + ".1"), StringComparison.Ordinal);
        Assert.StartsWith("second-half\np030 ", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_backups_rotation_truncates_the_file_and_loses_the_old_content()
    {
        var path = _dir.File("nobackup.log");
        using (var file = Open(path, maxBytes: 1024, backups: 0))
        {
            for (var i = 0; i < 30; i++)
            {
                Write(file, Line(i));
            }
        }

        Assert.Equal(Lines(22, 29), File.ReadAllText(path));
        Assert.Equal(800, new FileInfo(path).Length);
        Assert.False(File.Exists(path + ".1"));
    }

    [Fact]
    public void Maxbytes_0_never_rotates()
    {
        var path = _dir.File("big.log");
        using (var file = Open(path, maxBytes: 0, backups: 3))
        {
            for (var i = 0; i < 50; i++)
            {
                Write(file, Line(i));
            }
        }

        Assert.Equal(Lines(0, 49), File.ReadAllText(path));
        Assert.False(File.Exists(path + ".1"));
    }

    [Fact]
    public void Output_is_appended_to_an_existing_log()
    {
        var path = _dir.File("existing.log");
        File.WriteAllText(path, "from the last run\n");
        using (var file = Open(path))
        {
            Write(file, "from this run\n");
        }

        Assert.Equal("from the last run\nfrom this run\n", File.ReadAllText(path));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void New_and_rotated_log_files_are_created_with_mode_0600()
    {
        var path = _dir.File("private.log");
        using (var file = Open(path, maxBytes: 100, backups: 1))
        {
            Assert.True(File.Exists(path), "the file exists before anything is written");
            Write(file, Line(0));
        }

        const UnixFileMode ownerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(ownerReadWrite, File.GetUnixFileMode(path + ".1"));
    }

    [Fact]
    public void An_unusable_path_reports_one_error_keeps_the_output_and_writes_it_all_once_the_path_works()
    {
        var parent = _dir.File("not-a-directory");
        File.WriteAllText(parent, "a regular file where the log directory should be");
        var path = Path.Combine(parent, "app.log");

        using var file = Open(path);
        for (var i = 0; i < 5; i++)
        {
            Write(file, Line(i));
        }

        var failure = Assert.Single(_notices);
        Assert.Equal(LogFileNoticeKind.Failing, failure.Kind);
        Assert.Equal(path, failure.Path);
        Assert.True(file.IsFailing);
        Assert.Equal(500, file.PendingBytes);

        File.Delete(parent);
        Directory.CreateDirectory(parent);
        Write(file, Line(5));
        Write(file, Line(6));

        Assert.Equal([LogFileNoticeKind.Failing, LogFileNoticeKind.Recovered], _notices.Select(n => n.Kind));
        Assert.Equal(0, _notices.Last().DroppedBytes);
        Assert.False(file.IsFailing);
        Assert.Equal(0, file.PendingBytes);
        Assert.Equal(Lines(0, 6), File.ReadAllText(path));
    }

    [Fact]
    public void A_full_disk_reports_one_error_and_the_file_gets_everything_when_space_returns()
    {
        // /dev/full fails every write with ENOSPC, even for root; the log path points at it until
        // the link is removed, as if space had been freed.
        var path = _dir.File("full.log");
        File.CreateSymbolicLink(path, "/dev/full");

        using var file = Open(path, maxBytes: 1024, backups: 2);
        for (var i = 0; i < 8; i++)
        {
            Write(file, Line(i));
        }

        var failure = Assert.Single(_notices);
        Assert.Equal(LogFileNoticeKind.Failing, failure.Kind);
        Assert.Contains("No space left on device", failure.Message, StringComparison.Ordinal);

        File.Delete(path);
        Write(file, Line(8));

        Assert.Equal(LogFileNoticeKind.Recovered, _notices.Last().Kind);
        Assert.Equal(2, _notices.Count);
        Assert.Equal(Lines(0, 8), File.ReadAllText(path));
    }

    [Fact]
    public void Output_beyond_the_pending_limit_drops_the_oldest_bytes_and_marks_the_gap_in_the_file()
    {
        var path = _dir.File("gap.log");
        File.CreateSymbolicLink(path, "/dev/full");

        using var file = Open(path, pendingLimit: 250);
        for (var i = 0; i < 4; i++)
        {
            Write(file, Line(i));
        }

        Assert.Equal(250, file.PendingBytes);
        File.Delete(path);
        Write(file, Line(4));

        var recovered = _notices.Last();
        Assert.Equal(LogFileNoticeKind.Recovered, recovered.Kind);
        Assert.Equal(150, recovered.DroppedBytes);
        var text = File.ReadAllText(path);
        Assert.StartsWith("\n[tuisupervisor: 150 bytes of output dropped", text, StringComparison.Ordinal);
        Assert.EndsWith("]\n" + Line(1)[50..] + Lines(2, 4), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_while_the_file_still_fails_reports_the_bytes_that_never_reached_it()
    {
        var path = _dir.File("lost.log");
        File.CreateSymbolicLink(path, "/dev/full");

        var file = Open(path);
        Write(file, Line(0));
        file.Dispose();

        var lost = _notices.Last();
        Assert.Equal(LogFileNoticeKind.Failing, lost.Kind);
        Assert.Equal(100, lost.DroppedBytes);
        Assert.Equal(2, _notices.Count);
    }

    [Fact]
    public void Reopen_after_logrotate_moved_the_file_starts_a_new_file_at_the_path()
    {
        var path = _dir.File("moved.log");
        using (var file = Open(path))
        {
            Write(file, "before\n");
            File.Move(path, path + ".old");
            Write(file, "still to the moved file\n");
            file.Reopen();
            Assert.True(File.Exists(path), "reopening creates the file at once");
            Write(file, "after\n");
        }

        Assert.Equal("before\nstill to the moved file\n", File.ReadAllText(path + ".old"));
        Assert.Equal("after\n", File.ReadAllText(path));
    }

    [Fact]
    public void After_the_file_is_truncated_behind_its_back_the_next_write_lands_at_the_new_end()
    {
        var path = _dir.File("copytruncate.log");
        using (var file = Open(path))
        {
            Write(file, "old content\n");
            using (var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                truncate.SetLength(0);
            }

            Write(file, "new\n");
        }

        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [Fact]
    public void Writes_after_dispose_are_ignored_so_a_pipe_that_outlives_its_file_keeps_being_read()
    {
        var path = _dir.File("closed.log");
        var file = Open(path);
        Write(file, "kept\n");
        file.Dispose();

        Write(file, "ignored\n");
        file.Reopen();

        Assert.Equal("kept\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_pipe_given_as_log_path_like_dev_stdout_gets_the_output_and_is_never_rotated()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        var path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";

        using (var file = Open(path, maxBytes: 10, backups: 1))
        {
            Write(file, Line(0));
        }

        pipe.DisposeLocalCopyOfClientHandle();
        using var reader = new StreamReader(pipe);
        Assert.Equal(Line(0), reader.ReadToEnd());
        Assert.Empty(_notices);
    }

    [Fact]
    public void A_device_given_as_log_path_is_never_renamed_by_rotation()
    {
        var path = _dir.File("device.log");
        File.CreateSymbolicLink(path, "/dev/zero");

        using (var file = Open(path, maxBytes: 10, backups: 1))
        {
            Write(file, Line(0));
            Write(file, Line(1));
        }

        Assert.Equal("/dev/zero", new FileInfo(path).LinkTarget);
        Assert.False(File.Exists(path + ".1"));
        Assert.Empty(_notices);
    }
}
