using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// An epoll instance with an eventfd in it, for a thread that sleeps in the kernel until one of
/// its descriptors is ready or another thread calls <see cref="Interrupt"/>. Each descriptor is
/// registered with a 64-bit key that comes back with its readiness.
/// </summary>
/// <remarks>
/// <c>struct epoll_event</c> is the one kernel struct whose layout differs between our two
/// architectures: packed (12 bytes, the key at offset 4) on x86-64, naturally aligned (16 bytes,
/// the key at offset 8) elsewhere. It is read and written as bytes at those offsets rather than
/// mirrored as a C# struct.
/// </remarks>
internal sealed unsafe class EpollSet : IDisposable
{
    /// <summary>The key <see cref="Wait"/> reports for an <see cref="Interrupt"/>; never use it for a descriptor.</summary>
    public const ulong InterruptKey = ulong.MaxValue;

    private static readonly bool _packed = RuntimeInformation.ProcessArchitecture == Architecture.X64;
    private static readonly int _eventSize = _packed ? 12 : 16;
    private static readonly int _keyOffset = _packed ? 4 : 8;

    private readonly int _epoll;
    private readonly int _interrupt;
    private readonly byte* _events;
    private readonly int _capacity;
    private int _disposed;

    /// <param name="capacity">The most readiness reports one <see cref="Wait"/> returns.</param>
    public EpollSet(int capacity = 64)
    {
        _capacity = capacity;
        _epoll = Check(Interop.epoll_create1(Interop.EPOLL_CLOEXEC), "epoll_create1");
        _interrupt = Check(Interop.eventfd(0, Interop.EFD_CLOEXEC | Interop.EFD_NONBLOCK), "eventfd");
        _events = (byte*)NativeMemory.Alloc((nuint)(_eventSize * capacity));
        Add(_interrupt, InterruptKey);
    }

    /// <summary>Watches <paramref name="fd"/> for input (and hang-up, which epoll always reports), level-triggered.</summary>
    public void Add(int fd, ulong key)
    {
        byte* ev = stackalloc byte[16];
        *(uint*)ev = Interop.EPOLLIN;
        *(ulong*)(ev + _keyOffset) = key;
        Check(Interop.epoll_ctl(_epoll, Interop.EPOLL_CTL_ADD, fd, ev), "epoll_ctl(ADD)");
    }

    /// <summary>Stops watching <paramref name="fd"/>; call it before closing the descriptor.</summary>
    public void Remove(int fd)
    {
        byte* ev = stackalloc byte[16];
        Check(Interop.epoll_ctl(_epoll, Interop.EPOLL_CTL_DEL, fd, ev), "epoll_ctl(DEL)");
    }

    /// <summary>
    /// Sleeps until something is ready or <paramref name="timeoutMilliseconds"/> pass (-1: no
    /// limit) and puts the keys of what is ready into <paramref name="keys"/>; returns how many.
    /// An interrupt is reported once as <see cref="InterruptKey"/>, however often it was asked for.
    /// </summary>
    public int Wait(Span<ulong> keys, int timeoutMilliseconds)
    {
        int count;
        do
        {
            count = Interop.epoll_wait(_epoll, _events, Math.Min(_capacity, keys.Length), timeoutMilliseconds);
        }
        while (count < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);
        Check(count, "epoll_wait");
        for (var i = 0; i < count; i++)
        {
            keys[i] = *(ulong*)(_events + (i * _eventSize) + _keyOffset);
            if (keys[i] == InterruptKey)
            {
                ulong value;
                _ = Interop.read(_interrupt, (byte*)&value, sizeof(ulong));
            }
        }

        return count;
    }

    /// <summary>Wakes the thread in <see cref="Wait"/> (or makes its next call return at once); safe from any thread.</summary>
    public void Interrupt()
    {
        ulong one = 1;
        _ = Interop.write(_interrupt, (byte*)&one, sizeof(ulong));
    }

    /// <summary>Call only once the waiting thread has finished with the set.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _ = Interop.close(_interrupt);
        _ = Interop.close(_epoll);
        NativeMemory.Free(_events);
    }

    private static int Check(int result, string call)
    {
        if (result < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new Win32Exception(errno, $"{call} failed: {Errno.Name(errno)}");
        }

        return result;
    }
}
