namespace TuiSupervisor.Core.Logging;

/// <summary>
/// The file behind the activity log (<c>[supervisor] logfile</c>): the same supervisord-style file
/// as a child's log, so every log the engine writes has one naming, rotation and failure policy.
/// The live file keeps its configured name and backups are <c>NAME.1</c> … <c>NAME.N</c> (what
/// logrotate and <c>tail -F</c> expect); a file that cannot be opened or written is reported once
/// through <paramref name="notify"/>, its lines are kept (bounded) and retried at every write,
/// and it is reported again once it works.
/// </summary>
/// <param name="notify">Called with what went wrong (or <c>writing again</c>), the file's path in it, and whether it is a recovery.</param>
public sealed class ActivityLogFile(string path, long maxBytes, int backups, Action<string, bool> notify) : IDisposable
{
    private readonly RotatingLogFile _file = new(
        path,
        maxBytes,
        backups,
        notice => notify($"activity log: {notice.Message}", notice.Kind == LogFileNoticeKind.Recovered));

    /// <summary>Appends; never throws for I/O errors (see <see cref="RotatingLogFile.Write"/>).</summary>
    public void Write(ReadOnlySpan<byte> data) => _file.Write(data);

    /// <summary>Closes and reopens the file by its path (see <see cref="RotatingLogFile.Reopen"/>).</summary>
    public void Reopen() => _file.Reopen();

    public void Dispose() => _file.Dispose();
}
