using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// The posix_spawn attributes and file actions every child gets: a new session, default signal
/// dispositions, an empty signal mask, stdin from /dev/null, stdout and stderr on the given pipe
/// ends, the working directory, and no other file descriptor.
/// </summary>
internal sealed unsafe class SpawnAttributes : IDisposable
{
    private readonly void* _attributes = AllocOpaque();
    private readonly void* _fileActions = AllocOpaque();
    private readonly void* _defaultSignals = AllocOpaque();
    private readonly void* _signalMask = AllocOpaque();
    private bool _attributesInitialized;
    private bool _fileActionsInitialized;

    public SpawnAttributes(int stdoutFd, int stderrFd, string? workingDirectory)
    {
        try
        {
            Check(Interop.posix_spawnattr_init(_attributes), "posix_spawnattr_init");
            _attributesInitialized = true;
            Check(Interop.posix_spawn_file_actions_init(_fileActions), "posix_spawn_file_actions_init");
            _fileActionsInitialized = true;

            // SETSID: the child leads a new session and process group (pgid = sid = pid), so a
            // group signal reaches its descendants and our terminal's signals never reach it.
            // SETSIGDEF: the runtime ignores SIGPIPE, and an ignored signal stays ignored across
            // exec; reset every signal the kernel lets us (all but KILL and STOP).
            // SETSIGMASK: an empty mask, whatever the spawning thread had blocked.
            CheckErrno(Interop.sigfillset(_defaultSignals), "sigfillset");
            CheckErrno(Interop.sigdelset(_defaultSignals, Interop.SIGKILL), "sigdelset");
            CheckErrno(Interop.sigdelset(_defaultSignals, Interop.SIGSTOP), "sigdelset");
            AddGlibcInternalSignals(_defaultSignals);
            CheckErrno(Interop.sigemptyset(_signalMask), "sigemptyset");
            Check(Interop.posix_spawnattr_setsigdefault(_attributes, _defaultSignals), "posix_spawnattr_setsigdefault");
            Check(Interop.posix_spawnattr_setsigmask(_attributes, _signalMask), "posix_spawnattr_setsigmask");
            Check(Interop.posix_spawnattr_setflags(_attributes,
                Interop.POSIX_SPAWN_SETSID | Interop.POSIX_SPAWN_SETSIGDEF | Interop.POSIX_SPAWN_SETSIGMASK),
                "posix_spawnattr_setflags");

            // dup2 clears close-on-exec on the copies; the originals (>= 3) go with closefrom.
            Check(Interop.posix_spawn_file_actions_adddup2(_fileActions, stdoutFd, 1), "posix_spawn_file_actions_adddup2");
            Check(Interop.posix_spawn_file_actions_adddup2(_fileActions, stderrFd, 2), "posix_spawn_file_actions_adddup2");
            Check(Interop.posix_spawn_file_actions_addopen(_fileActions, 0, "/dev/null", Interop.O_RDONLY, 0),
                "posix_spawn_file_actions_addopen");
            if (workingDirectory is not null)
            {
                Check(Interop.posix_spawn_file_actions_addchdir_np(_fileActions, workingDirectory), "posix_spawn_file_actions_addchdir_np");
            }
            // Our descriptors are close-on-exec already, but other code in the process (a library,
            // a native dependency) may open some without the flag: the child gets none of them.
            Check(Interop.posix_spawn_file_actions_addclosefrom_np(_fileActions, 3), "posix_spawn_file_actions_addclosefrom_np");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void* Attributes => _attributes;

    public void* FileActions => _fileActions;

    // The destroy functions cannot fail on an initialized object in glibc; nothing to do if they did.
    public void Dispose()
    {
        if (_fileActionsInitialized)
        {
            _fileActionsInitialized = false;
            _ = Interop.posix_spawn_file_actions_destroy(_fileActions);
        }
        if (_attributesInitialized)
        {
            _attributesInitialized = false;
            _ = Interop.posix_spawnattr_destroy(_attributes);
        }
        NativeMemory.Free(_attributes);
        NativeMemory.Free(_fileActions);
        NativeMemory.Free(_defaultSignals);
        NativeMemory.Free(_signalMask);
    }

    // glibc reserves signals 32 and 33 for itself: sigfillset leaves them out and sigaddset refuses
    // them, and its posix_spawn then sets them to SIG_IGN in the child, which exec keeps (measured
    // with glibc 2.36: SigIgn 0000000180000000). Only a bit set in the sigdefault set makes it use
    // SIG_DFL instead, which is safe: nothing sends them to a process that is not a glibc thread
    // of ours. This is the one place we touch a sigset's bits: the kernel's layout, bit N-1 for
    // signal N, read byte by byte as on the little-endian machines we run on.
    private static void AddGlibcInternalSignals(void* sigset)
    {
        byte* bits = (byte*)sigset;
        foreach (int signal in (ReadOnlySpan<int>)[32, 33])
        {
            bits[(signal - 1) / 8] |= (byte)(1 << ((signal - 1) % 8));
        }
    }

    private static void* AllocOpaque() => NativeMemory.AllocZeroed(Interop.OpaqueStructSize);

    // These fail only on a bad argument or no memory: a bug or a dying process, not a spawn error.
    private static void Check(int error, string call)
    {
        if (error != 0)
        {
            throw new Win32Exception(error, $"{call} failed: {Errno.Name(error)}");
        }
    }

    private static void CheckErrno(int result, string call)
    {
        if (result != 0)
        {
            Check(Marshal.GetLastPInvokeError(), call);
        }
    }
}
