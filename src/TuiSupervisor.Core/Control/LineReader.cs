namespace TuiSupervisor.Core.Control;

/// <summary>
/// Newline-delimited lines from a stream, never holding more than one line's limit: a peer that
/// sends 100 MB without a newline costs <c>maxLineBytes</c> of memory and gets
/// <see cref="LineStatus.TooLong"/>, not an ever-growing buffer.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLineBytes)
{
    private byte[] _buffer = new byte[Math.Min(maxLineBytes, 64 * 1024)];
    private int _start;
    private int _end;

    /// <summary>The next line without its newline; at the end of the stream an unterminated last line counts as a line.</summary>
    public async ValueTask<(LineStatus Status, byte[] Line)> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', scanned, _end - scanned);
            if (newline >= 0)
                return (LineStatus.Line, Take(newline, newline + 1));
            scanned = _end;
            if (_end - _start >= maxLineBytes)
                return (LineStatus.TooLong, []);
            if (_end == _buffer.Length)
                scanned = MakeRoom();

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return _end > _start ? (LineStatus.Line, Take(_end, _end)) : (LineStatus.End, []);
            _end += read;
        }
    }

    private byte[] Take(int lineEnd, int next)
    {
        var line = _buffer[_start..lineEnd];
        _start = next;
        if (_start == _end)
            _start = _end = 0;
        return line;
    }

    /// <summary>Moves the partial line to the front, or grows the buffer (up to the limit) when it already starts there.</summary>
    private int MakeRoom()
    {
        var held = _end - _start;
        if (_start > 0)
            Array.Copy(_buffer, _start, _buffer, 0, held);
        else
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes));
        _start = 0;
        _end = held;
        return held;
    }
}

internal enum LineStatus
{
    Line,
    End,
    TooLong,
}
