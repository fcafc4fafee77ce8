using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Logging;

/// <summary>
/// Drains the output pipes of every child with one thread: the read ends are non-blocking and in
/// one epoll set, and each chunk read goes, unchanged, to its stream's <see cref="OutputRing"/> and
/// (when it has one) its <see cref="RotatingLogFile"/>.
/// </summary>
/// <remarks>
/// <para>
/// A child blocks as soon as its pipe is full, so the thread waits on nobody: the ring takes a
/// copy under a short lock, and the log file never throws (on a failing disk it parks bytes in its
/// bounded pending buffer). Nothing the TUI or a <c>tail</c> reader does can slow it down. A log
/// target whose write(2) blocks (a stuck network file system, or <c>/dev/stdout</c> into a pipe
/// nobody reads) holds up every stream while it blocks, as it would hold up supervisord.
/// </para>
/// <para>
/// Why one thread and not one per pipe, as before: with 100 children that was 200 threads, each
/// with its stack and a 64 KiB buffer rented from <c>ArrayPool.Shared</c> that, returned on a
/// thread about to end, stayed in that thread's cache until the dead thread was collected (the
/// RSS growth of the crash-every-second soak); each spawn started two threads; and a grandchild
/// holding a pipe open kept its thread alive. Here one buffer serves every read, and a pipe held
/// open costs an entry in the epoll set. Level-triggered epoll with a bounded number of reads per
/// pipe and wake-up keeps a child that floods its pipe from starving the others.
/// </para>
/// </remarks>
internal sealed unsafe class OutputPump : IDisposable
{
    /// <summary>One read's worth: the default pipe capacity, so one read usually empties a pipe.</summary>
    public const int BufferSize = 64 * 1024;

    /// <summary>Reads of one pipe per wake-up before the others get their turn (1 MiB).</summary>
    private const int ReadsPerTurn = 16;

    private readonly EpollSet _epoll = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, Source> _sources = [];
    private readonly byte* _buffer = (byte*)NativeMemory.Alloc(BufferSize);
    private readonly Thread _thread;
    private ulong _nextKey;
    private volatile bool _disposed;

    public OutputPump()
    {
        _thread = new Thread(Run, 256 * 1024) { IsBackground = true, Name = "output pump" };
        _thread.Start();
    }

    /// <summary>
    /// Starts draining the read end of a pipe; the pump owns and closes it. The task completes with
    /// the number of bytes drained once every process holding the writing end (the child and any
    /// descendant that inherited it) has closed it, and faults if a read fails.
    /// </summary>
    public Task<long> Add(SafeFileHandle readEnd, OutputRing ring, RotatingLogFile? file)
    {
        ArgumentNullException.ThrowIfNull(readEnd);
        ArgumentNullException.ThrowIfNull(ring);
        var fd = (int)readEnd.DangerousGetHandle();
        var flags = Interop.fcntl(fd, Interop.F_GETFL, 0);
        if (flags < 0 || Interop.fcntl(fd, Interop.F_SETFL, flags | Interop.O_NONBLOCK) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new Win32Exception(errno, $"cannot make a pipe non-blocking: {Errno.Name(errno)}");
        }

        var source = new Source(readEnd, fd, ring, file);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var key = _nextKey++;
            _sources[key] = source;
            _epoll.Add(fd, key);
        }

        return source.Completion.Task;
    }

    /// <summary>
    /// Takes what the pipes still hold, closes them (a grandchild writing to one then gets EPIPE)
    /// and stops the thread; returns when it has (or after a few seconds, should a log write hang).
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _epoll.Interrupt();
        if (_thread != Thread.CurrentThread)
            _thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Run()
    {
        Span<ulong> ready = stackalloc ulong[64];
        while (!_disposed)
        {
            var count = _epoll.Wait(ready, -1);
            foreach (var key in ready[..count])
            {
                Source? source;
                lock (_gate)
                    _sources.TryGetValue(key, out source);
                if (source is not null && Drain(source))
                    Finish(key, source);
            }
        }

        // The last output of children stopped at shutdown may still sit in their pipes.
        List<KeyValuePair<ulong, Source>> left;
        lock (_gate)
            left = [.. _sources];
        foreach (var (key, source) in left)
        {
            Drain(source);
            Finish(key, source);
        }

        _epoll.Dispose();
        NativeMemory.Free(_buffer);
    }

    /// <summary>Reads what the pipe holds, up to a turn's worth; true when the pipe has ended (end of file, or a failure).</summary>
    private bool Drain(Source source)
    {
        try
        {
            for (var reads = 0; reads < ReadsPerTurn; reads++)
            {
                var read = (int)Interop.read(source.Fd, _buffer, BufferSize);
                if (read > 0)
                {
                    var chunk = new ReadOnlySpan<byte>(_buffer, read);
                    source.Ring.Write(chunk);
                    source.File?.Write(chunk);
                    source.Total += read;

                    // A short read emptied the pipe; epoll reports the next bytes (or the end).
                    if (read < BufferSize)
                        return false;
                    continue;
                }

                if (read == 0)
                    return true;
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.EAGAIN)
                    return false;
                if (errno != Errno.EINTR)
                {
                    source.Failure = new Win32Exception(errno, $"reading a child's output failed: {Errno.Name(errno)}");
                    return true;
                }
            }

            return false;
        }
        catch (Exception e)
        {
            // A bug in a ring or a log file ends this stream only; the engine hears of it through the task.
            source.Failure = e;
            return true;
        }
    }

    private void Finish(ulong key, Source source)
    {
        lock (_gate)
        {
            _sources.Remove(key);
            _epoll.Remove(source.Fd);
        }

        source.Handle.Dispose();
        if (source.Failure is { } failure)
            source.Completion.TrySetException(failure);
        else
            source.Completion.TrySetResult(source.Total);
    }

    private sealed class Source(SafeFileHandle handle, int fd, OutputRing ring, RotatingLogFile? file)
    {
        public SafeFileHandle Handle { get; } = handle;

        public int Fd { get; } = fd;

        public OutputRing Ring { get; } = ring;

        public RotatingLogFile? File { get; } = file;

        public long Total { get; set; }

        public Exception? Failure { get; set; }

        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
