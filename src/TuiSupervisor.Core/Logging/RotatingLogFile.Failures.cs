using System.Text;

namespace TuiSupervisor.Core.Logging;

// The failure path of RotatingLogFile.
//
// When a write fails, "nothing is lost" can only hold with bounded memory up to a point: the
// unwritten bytes go into a pending buffer of pendingLimit bytes (1 MiB by default,
// allocated only while failing). Every later write first retries opening the file and writing the
// pending bytes. Past the limit the oldest pending bytes are dropped and counted, and when the file
// works again a one-line marker saying how many bytes are missing is written where they would have
// been, so the gap is visible in the file itself. The in-memory tail keeps the output meanwhile.
// Retrying on every write costs one failed open or write per pipe read, no more: a pump that
// slows down finds more bytes waiting and reads bigger chunks, so retries cannot pile up.
internal sealed partial class RotatingLogFile
{
    private readonly Action<LogFileNotice>? _notify;
    private readonly List<LogFileNotice> _notices = [];
    private readonly ByteRing _pending;

    // Dropped since the last gap marker was written.
    private long _pendingDropped;

    // Dropped since the file last worked, for the notices.
    private long _droppedWhileFailing;

    private bool _failing;
    private bool _rotationFailing;

    /// <summary>Whether writes are currently failing and going to the pending buffer.</summary>
    public bool IsFailing
    {
        get
        {
            lock (_lock)
            {
                return _failing;
            }
        }
    }

    /// <summary>Bytes received while failing and not yet written.</summary>
    public int PendingBytes
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    private void Keep(ReadOnlySpan<byte> data)
    {
        var dropped = _pending.Append(data);
        _pendingDropped += dropped;
        _droppedWhileFailing += dropped;
    }

    private void Fail(string error)
    {
        _failing = true;
        _notices.Add(new LogFileNotice(Path, LogFileNoticeKind.Failing, error + "; retrying at each write"));
    }

    // Writes the pending bytes, oldest first, preceded by a marker if some were dropped.
    private bool TryRecover()
    {
        if (_handle is null && !TryOpen(FileMode.Append, out _))
        {
            return false;
        }

        if (_pendingDropped > 0)
        {
            var marker = Encoding.ASCII.GetBytes($"\n[tuisupervisor: {_pendingDropped} bytes of output dropped: the log file could not be written]\n");
            if (!TryWrite(marker, out _, out _))
            {
                return false;
            }

            _pendingDropped = 0;
        }

        while (_pending.Count > 0)
        {
            _pending.Segments(0, out var oldest, out _);
            var ok = TryWrite(oldest, out var written, out _);
            _pending.Discard(written);
            if (!ok)
            {
                return false;
            }
        }

        _pending.Release();
        _failing = false;
        _notices.Add(new LogFileNotice(Path, LogFileNoticeKind.Recovered, "writing again", _droppedWhileFailing));
        _droppedWhileFailing = 0;
        return true;
    }

    // Callbacks run outside the lock so a slow or re-entrant observer cannot block other writers.
    private void Publish()
    {
        LogFileNotice[] notices;
        lock (_lock)
        {
            if (_notices.Count == 0)
            {
                return;
            }

            notices = [.. _notices];
            _notices.Clear();
        }

        foreach (var notice in notices)
        {
            _notify?.Invoke(notice);
        }
    }
}
