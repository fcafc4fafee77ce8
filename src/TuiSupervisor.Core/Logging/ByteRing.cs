namespace TuiSupervisor.Core.Logging;

/// <summary>
/// A circular byte buffer that keeps the newest <see cref="Capacity"/> bytes appended to it and
/// drops the oldest ones. Not thread-safe: its owners (<see cref="OutputRing"/>, the pending
/// buffer of <see cref="RotatingLogFile"/>) lock around it.
/// </summary>
/// <remarks>
/// Storage grows on demand up to the capacity, because most children print a few lines in their
/// lifetime: a supervisor with hundreds of programs should not hold a full tail buffer for each
/// stream before anything was written to it.
/// </remarks>
internal sealed class ByteRing
{
    private const int InitialSize = 4096;

    private byte[] _buffer = [];
    private int _start;

    public ByteRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Appends <paramref name="data"/>, returning how many old bytes were dropped to make room.</summary>
    public long Append(ReadOnlySpan<byte> data)
    {
        long dropped = 0;
        if (data.Length >= Capacity)
        {
            // Only the tail of the write survives; everything held before is dropped too.
            dropped = Count + (long)(data.Length - Capacity);
            data = data[^Capacity..];
            Grow(Capacity);
            data.CopyTo(_buffer);
            _start = 0;
            Count = Capacity;
            return dropped;
        }

        Grow(Math.Min(Capacity, Count + data.Length));
        var overflow = Count + data.Length - _buffer.Length;
        if (overflow > 0)
        {
            Discard(overflow);
            dropped = overflow;
        }

        var end = (_start + Count) % _buffer.Length;
        var first = Math.Min(data.Length, _buffer.Length - end);
        data[..first].CopyTo(_buffer.AsSpan(end));
        data[first..].CopyTo(_buffer);
        Count += data.Length;
        return dropped;
    }

    /// <summary>Forgets the oldest <paramref name="count"/> bytes.</summary>
    public void Discard(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count -= count;
        _start = Count == 0 ? 0 : (_start + count) % _buffer.Length;
    }

    /// <summary>Copies <c>destination.Length</c> bytes from position <paramref name="skip"/> (0 = oldest held) on.</summary>
    public void CopyTo(int skip, Span<byte> destination)
    {
        Segments(skip, out var first, out var second);
        var fromFirst = Math.Min(first.Length, destination.Length);
        first[..fromFirst].CopyTo(destination);
        second[..(destination.Length - fromFirst)].CopyTo(destination[fromFirst..]);
    }

    /// <summary>
    /// The held bytes from position <paramref name="skip"/> on, oldest first, as at most two spans
    /// over the storage; valid until the next change.
    /// </summary>
    public void Segments(int skip, out ReadOnlySpan<byte> first, out ReadOnlySpan<byte> second)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skip, Count);
        if (Count == skip)
        {
            first = second = [];
            return;
        }

        var from = (_start + skip) % _buffer.Length;
        var length = Count - skip;
        var firstLength = Math.Min(length, _buffer.Length - from);
        first = _buffer.AsSpan(from, firstLength);
        second = _buffer.AsSpan(0, length - firstLength);
    }

    /// <summary>Drops everything held and returns the storage to the garbage collector.</summary>
    public void Release()
    {
        _buffer = [];
        _start = 0;
        Count = 0;
    }

    private void Grow(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        var size = Math.Min(Capacity, Math.Max(needed, Math.Max(InitialSize, _buffer.Length * 2)));
        var larger = new byte[size];
        CopyTo(0, larger.AsSpan(0, Count));
        _buffer = larger;
        _start = 0;
    }
}
