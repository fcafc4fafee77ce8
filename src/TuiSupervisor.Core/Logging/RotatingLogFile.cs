using Microsoft.Win32.SafeHandles;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Logging;

/// <summary>
/// A child's log file: bytes appended exactly as received, rotated the way supervisord's
/// <c>RotatingFileHandler</c> does it, and never an exception for the caller when the disk is full
/// or the path is unusable.
/// </summary>
/// <remarks>
/// <para>
/// Rotation is checked after each write, as in supervisord: once the file has reached
/// <see cref="MaxBytes"/> it becomes <c>.1</c> (<c>.1</c> becomes <c>.2</c> and so on, the one past
/// <see cref="Backups"/> is overwritten) and a new empty file is opened; a write is never split, so
/// a file can exceed the limit by one write. With no backups the file is truncated instead, and
/// <see cref="MaxBytes"/> 0 never rotates.
/// </para>
/// <para>
/// Each write goes to the file's current end, looked up with fstat, rather than to a position we
/// remember: when logrotate's <c>copytruncate</c> (or a user) truncates the file, the next write
/// lands at the new end instead of leaving a hole, the way supervisord's <c>O_APPEND</c> file does.
/// .NET cannot open with <c>O_APPEND</c>; one fstat per pipe read is cheap next to the write.
/// </para>
/// <para>
/// Pipes, terminals and devices (<c>/dev/stdout</c> in a container) are written to but never
/// rotated. A failing write is reported once, kept in a bounded pending buffer and retried; see
/// <c>RotatingLogFile.Failures.cs</c>.
/// </para>
/// </remarks>
internal sealed partial class RotatingLogFile : IDisposable
{
    public const int DefaultPendingLimit = 1024 * 1024;

    private const UnixFileMode CreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _lock = new();
    private FileStream? _stream;
    private SafeFileHandle? _handle;
    private bool _seekable;
    private bool _disposed;

    /// <param name="notify">Called (outside the file's lock, on the writing thread) with each failure and recovery.</param>
    public RotatingLogFile(string path, long maxBytes, int backups, Action<LogFileNotice>? notify = null, int pendingLimit = DefaultPendingLimit)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(backups);
        Path = path;
        MaxBytes = maxBytes;
        Backups = backups;
        _notify = notify;
        _pending = new ByteRing(pendingLimit);

        // The file exists from the start, even before the child prints anything, as in supervisord.
        lock (_lock)
        {
            if (!TryOpen(FileMode.Append, out var error))
            {
                Fail(error);
            }
        }

        Publish();
    }

    public string Path { get; }

    public long MaxBytes { get; }

    public int Backups { get; }

    /// <summary>
    /// Appends <paramref name="data"/>. Never throws for I/O errors, and ignores writes after
    /// <see cref="Dispose"/>: a pipe held open by an orphaned grandchild can outlive its process's
    /// log file, and the output pump must go on reading it, not die on an exception.
    /// </summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            // Pending bytes go first, so order is kept and a recovered file does not drop any.
            if (_failing && !TryRecover())
            {
                Keep(data);
            }
            else if (!TryWrite(data, out var written, out var error))
            {
                Keep(data[written..]);
                Fail(error);
            }
        }

        Publish();
    }

    /// <summary>
    /// Closes and reopens the file by its path, for SIGUSR2 after logrotate moved it away. Does
    /// nothing once disposed, as a signal can race the removal of a process.
    /// </summary>
    public void Reopen()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            Close();
            if (_failing)
            {
                TryRecover();
            }
            else if (!TryOpen(FileMode.Append, out var error))
            {
                Fail(error);
            }
        }

        Publish();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_failing && !TryRecover())
            {
                var lost = _pending.Count + _droppedWhileFailing;
                _notices.Add(new LogFileNotice(Path, LogFileNoticeKind.Failing, $"closed with {lost} bytes of output never written", lost));
            }

            Close();
        }

        Publish();
    }

    // Writes all of data at the end of the file, then rotates if due. On failure, written says how
    // much of data reached the file before the error (a full disk can take part of a write).
    private bool TryWrite(ReadOnlySpan<byte> data, out int written, out string error)
    {
        written = 0;
        if (_handle is null && !TryOpen(FileMode.Append, out error))
        {
            return false;
        }

        long end = -1;
        try
        {
            if (_seekable)
            {
                end = RandomAccess.GetLength(_handle!);
                RandomAccess.Write(_handle!, data, end);
            }
            else
            {
                // A pipe or terminal (stdout_logfile=/dev/stdout in a container) has no end to
                // seek to, and RandomAccess refuses it; the unbuffered stream writes straight on.
                _stream!.Write(data);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            written = end < 0 || !_seekable ? 0 : (int)Math.Clamp(LengthOrZero() - end, 0, data.Length);
            error = $"cannot write {Path}: {FileErrorText.Describe(Path, e)}";
            Close();
            return false;
        }

        written = data.Length;
        error = "";

        // Only a regular file is rotated: a device such as /dev/kmsg, or a pipe, must never be
        // renamed. Devices always report size 0, so the size is confirmed before rotating.
        if (_seekable && MaxBytes > 0 && end + data.Length >= MaxBytes && LengthOrZero() >= MaxBytes)
        {
            Rotate();
        }

        return true;
    }

    private long LengthOrZero()
    {
        try
        {
            return RandomAccess.GetLength(_handle!);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Rotate()
    {
        Close();
        try
        {
            if (Backups > 0)
            {
                for (var i = Backups - 1; i >= 1; i--)
                {
                    var older = $"{Path}.{i}";
                    if (File.Exists(older))
                    {
                        File.Move(older, $"{Path}.{i + 1}", overwrite: true);
                    }
                }

                if (File.Exists(Path))
                {
                    File.Move(Path, Path + ".1", overwrite: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Keep appending to the oversized file: late rotation loses nothing. Reported once;
            // every later write tries again.
            if (!_rotationFailing)
            {
                _rotationFailing = true;
                _notices.Add(new LogFileNotice(Path, LogFileNoticeKind.Failing, $"cannot rotate {Path}: {FileErrorText.Describe(Path, e)}; appending to it meanwhile"));
            }

            return;
        }

        if (_rotationFailing)
        {
            _rotationFailing = false;
            _notices.Add(new LogFileNotice(Path, LogFileNoticeKind.Recovered, "rotating again"));
        }

        // Truncates when there are no backups. If the new file cannot be opened, the next write
        // retries and goes to the pending buffer.
        TryOpen(FileMode.Create, out _);
    }

    private bool TryOpen(FileMode mode, out string error)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };

        // The product runs on Linux only; the check satisfies the platform analyzer locally.
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = CreateMode;
        }

        try
        {
            _stream = new FileStream(Path, options);
            _handle = _stream.SafeFileHandle;
            _seekable = _stream.CanSeek;
            error = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot open {Path}: {FileErrorText.Describe(Path, e)}";
            return false;
        }
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
        _handle = null;
    }
}
