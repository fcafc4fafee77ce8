namespace TuiSupervisor.Tui;

/// <summary>
/// The recent output of the selected process, as lines, for the log pane. Follow tasks append
/// raw chunks from their threads; the UI thread reads only the lines it draws, so a process
/// printing 100,000 lines a second costs a split per line here and a parse per visible line at
/// each frame. Bounded in lines and bytes; a line longer than <see cref="MaxLineBytes"/> is
/// broken (the file has it whole).
/// </summary>
internal sealed class LogBuffer(int maxLines = LogBuffer.DefaultMaxLines, long maxBytes = LogBuffer.DefaultMaxBytes)
{
    public const int DefaultMaxLines = 10_000;
    public const long DefaultMaxBytes = 8L << 20;
    public const int MaxLineBytes = 16 * 1024;

    private readonly Lock _lock = new();
    private readonly LogLine[] _ring = new LogLine[maxLines];
    private int _head;
    private int _count;
    private readonly List<byte> _stdoutPartial = [];
    private readonly List<byte> _stderrPartial = [];
    private long _bytes;
    private long _total;

    /// <summary>How many lines were ever completed: the number the next complete line gets, plus one.</summary>
    public long Total
    {
        get
        {
            lock (_lock)
                return _total;
        }
    }

    /// <summary>The number of the oldest line still held (lines are numbered from 0 as they complete).</summary>
    public long First
    {
        get
        {
            lock (_lock)
                return _total - _count;
        }
    }

    public void Append(LogStream stream, ReadOnlySpan<byte> chunk)
    {
        lock (_lock)
        {
            var partial = stream == LogStream.Stderr ? _stderrPartial : _stdoutPartial;
            while (!chunk.IsEmpty)
            {
                var newline = chunk.IndexOf((byte)'\n');
                var take = newline < 0 ? chunk.Length : newline;
                var room = MaxLineBytes - partial.Count;
                if (take >= room)
                {
                    partial.AddRange(chunk[..room]);
                    Complete(stream, partial);
                    chunk = chunk[room..];
                    continue;
                }

                partial.AddRange(chunk[..take]);
                if (newline < 0)
                    break;
                Complete(stream, partial);
                chunk = chunk[(newline + 1)..];
            }
        }
    }

    /// <summary>
    /// The complete lines numbered <paramref name="from"/> on (clamped to what is held), at most
    /// <paramref name="count"/>, then the unfinished line of each stream (a prompt without a newline).
    /// </summary>
    public IReadOnlyList<LogLine> Read(long from, int count, bool withUnfinished = true)
    {
        lock (_lock)
        {
            var skip = (int)Math.Clamp(from - (_total - _count), 0, _count);
            var take = Math.Min(count, _count - skip);
            var result = new List<LogLine>(take + 2);
            for (var i = 0; i < take; i++)
                result.Add(_ring[(_head + skip + i) % _ring.Length]);
            if (withUnfinished && skip + take == _count)
            {
                if (_stdoutPartial.Count > 0)
                    result.Add(new LogLine(LogStream.Stdout, [.. _stdoutPartial]));
                if (_stderrPartial.Count > 0)
                    result.Add(new LogLine(LogStream.Stderr, [.. _stderrPartial]));
            }

            return result;
        }
    }

    /// <summary>The number of lines <see cref="Read"/> returns from <see cref="First"/> on, unfinished ones included.</summary>
    public long End
    {
        get
        {
            lock (_lock)
                return _total + (_stdoutPartial.Count > 0 ? 1 : 0) + (_stderrPartial.Count > 0 ? 1 : 0);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            Array.Clear(_ring);
            _head = 0;
            _count = 0;
            _stdoutPartial.Clear();
            _stderrPartial.Clear();
            _bytes = 0;
        }
    }

    private void Complete(LogStream stream, List<byte> partial)
    {
        var line = new LogLine(stream, [.. partial]);
        partial.Clear();
        if (_count == _ring.Length)
            DropOldest();
        _ring[(_head + _count) % _ring.Length] = line;
        _count++;
        _bytes += line.Bytes.Length;
        _total++;
        while (_bytes > maxBytes && _count > 1)
            DropOldest();
    }

    private void DropOldest()
    {
        _bytes -= _ring[_head].Bytes.Length;
        _ring[_head] = default;
        _head = (_head + 1) % _ring.Length;
        _count--;
    }
}
