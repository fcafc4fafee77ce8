namespace TuiSupervisor.Core.Logging;

/// <summary>
/// The recent output of one stream of one process, kept in memory for <c>tail</c> and the TUI:
/// the last <see cref="Capacity"/> bytes, raw, plus a running count of every byte ever written.
/// </summary>
/// <remarks>
/// Readers address the stream by that running count (an offset into everything the process ever
/// printed), so a follower asks "everything since X" and learns from <see cref="OutputSlice.Dropped"/>
/// when it fell more than a ring behind, instead of silently missing output. One writer (the pipe
/// output pump) and any number of readers share a lock held only for a copy. Followers park on
/// <see cref="WaitForDataAsync"/>; the task is created only when somebody waits, so an unwatched
/// stream allocates nothing per write.
/// </remarks>
internal sealed class OutputRing
{
    public const int DefaultCapacity = 256 * 1024;

    private readonly Lock _lock = new();
    private readonly ByteRing _ring;
    private long _total;
    private TaskCompletionSource? _waiter;

    public OutputRing(int capacity = DefaultCapacity) => _ring = new ByteRing(capacity);

    public int Capacity => _ring.Capacity;

    /// <summary>How many bytes were ever written: the offset the next byte will have.</summary>
    public long TotalWritten => Volatile.Read(ref _total);

    /// <summary>How many bytes are held now (at most <see cref="Capacity"/>).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ring.Count;
            }
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        TaskCompletionSource? waiter;
        lock (_lock)
        {
            _ring.Append(data);
            Volatile.Write(ref _total, _total + data.Length);
            waiter = _waiter;
            _waiter = null;
        }

        // Continuations run asynchronously, so a follower never runs on the output pump's thread.
        waiter?.TrySetResult();
    }

    /// <summary>
    /// Everything written from <paramref name="offset"/> on, at most <paramref name="maxBytes"/>
    /// of it; when the ring no longer holds <paramref name="offset"/>, reading starts at the oldest
    /// byte held and the slice says how much was skipped.
    /// </summary>
    public OutputSlice ReadFrom(long offset, int maxBytes = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        lock (_lock)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _total);
            var held = _total - _ring.Count;
            var from = Math.Max(offset, held);
            var bytes = new byte[Math.Min(_total - from, maxBytes)];
            _ring.CopyTo((int)(from - held), bytes);
            return new OutputSlice(from, from - offset, bytes);
        }
    }

    /// <summary>The last <paramref name="count"/> bytes (or fewer if fewer are held), as <c>supervisorctl tail</c> prints them.</summary>
    public OutputSlice ReadLastBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            var length = Math.Min(count, _ring.Count);
            return Copy(_ring.Count - length, length);
        }
    }

    /// <summary>
    /// The last <paramref name="lines"/> lines held. A trailing line without a newline counts as a
    /// line; when the ring holds fewer lines, the first one returned may be cut at the ring's start.
    /// </summary>
    public OutputSlice ReadLastLines(int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        lock (_lock)
        {
            _ring.Segments(0, out var first, out var second);
            var count = _ring.Count;
            if (lines == 0 || count == 0)
            {
                return Copy(count, 0);
            }

            // The newline ending the last line belongs to that line, it does not start a new one.
            var searchEnd = ByteAt(first, second, count - 1) == (byte)'\n' ? count - 1 : count;
            var start = 0;
            for (var found = 0; found < lines; found++)
            {
                var newline = LastNewline(first, second, searchEnd);
                if (newline < 0)
                {
                    start = 0;
                    break;
                }

                start = newline + 1;
                searchEnd = newline;
            }

            return Copy(start, count - start);
        }
    }

    /// <summary>Completes once something past <paramref name="offset"/> has been written.</summary>
    public Task WaitForDataAsync(long offset, CancellationToken cancellationToken = default)
    {
        Task task;
        lock (_lock)
        {
            if (_total > offset)
            {
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            task = _waiter.Task;
        }

        return task.WaitAsync(cancellationToken);
    }

    // Caller holds the lock; skip counts from the oldest byte held.
    private OutputSlice Copy(int skip, int length)
    {
        var bytes = new byte[length];
        _ring.CopyTo(skip, bytes);
        return new OutputSlice(_total - _ring.Count + skip, 0, bytes);
    }

    private static byte ByteAt(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int index) =>
        index < first.Length ? first[index] : second[index - first.Length];

    // The position of the last '\n' before searchEnd across both segments, or -1.
    private static int LastNewline(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int searchEnd)
    {
        if (searchEnd > first.Length)
        {
            var inSecond = second[..(searchEnd - first.Length)].LastIndexOf((byte)'\n');
            if (inSecond >= 0)
            {
                return first.Length + inSecond;
            }
        }

        return first[..Math.Min(searchEnd, first.Length)].LastIndexOf((byte)'\n');
    }
}
