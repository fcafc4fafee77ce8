using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Starts children with posix_spawn (see docs/process-spawning.md for why not
/// <see cref="System.Diagnostics.Process"/>) and hands each pid to the reaper before returning it.
/// </summary>
internal sealed unsafe class ProcessSpawner(ChildReaper reaper)
{
    // The umask is an attribute of the whole process, not of a thread, and posix_spawn has no
    // attribute for it: a child gets the mask the process has at the instant of the spawn. So a
    // spawn sets the child's mask, spawns and restores ours, and every spawn holds this lock,
    // including those that keep the engine's mask, which must not catch another spawn's. Files
    // the engine's other threads create in that window (microseconds) get the child's mask.
    private static readonly Lock _umaskGate = new();

    public SpawnResult Spawn(SpawnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Command.Count == 0)
        {
            throw new ArgumentException("A command needs at least a program.", nameof(request));
        }

        if (request.WorkingDirectory is string directory && SpawnPreflight.CheckDirectory(directory) is SpawnError directoryError)
        {
            return SpawnResult.Failed(directoryError);
        }
        string? pathVariable = request.Environment.TryGetValue("PATH", out string? childPath)
            ? childPath
            : Environment.GetEnvironmentVariable("PATH");
        if (SpawnPreflight.ResolveCommand(request.Command[0], request.WorkingDirectory, pathVariable, out string executable)
            is SpawnError commandError)
        {
            return SpawnResult.Failed(commandError);
        }
        if (FindUnpassableText(request) is SpawnError textError)
        {
            return SpawnResult.Failed(textError);
        }
        string[] environment = [.. request.Environment.Select(variable => $"{variable.Key}={variable.Value}")];

        SafeFileHandle? stdoutRead = null, stdoutWrite = null, stderrRead = null, stderrWrite = null;
        bool started = false;
        try
        {
            if (!TryCreatePipe(out stdoutRead, out stdoutWrite, out int pipeError) ||
                (!request.RedirectStderr && !TryCreatePipe(out stderrRead, out stderrWrite, out pipeError)))
            {
                return SpawnResult.Failed(new SpawnError(SpawnErrorKind.Other, $"couldn't create a pipe: {Errno.Name(pipeError)}"));
            }

            string[] command = request.RunAs is { } runAs
                ? UserSwitch.Arguments(runAs.Launcher, runAs.Account, executable, request.Command)
                : [.. request.Command];
            string program = request.RunAs is null ? executable : command[0];
            int error, pid;
            using (var attributes = new SpawnAttributes(Fd(stdoutWrite), Fd(stderrWrite ?? stdoutWrite), request.WorkingDirectory))
            using (var argv = new NativeStringArray(command))
            using (var envp = new NativeStringArray(environment))
            {
                error = SpawnWithUmask(program, attributes, argv, envp, request.Umask, out pid);
            }
            if (error != 0)
            {
                return SpawnResult.Failed(SpawnPreflight.DescribeSpawnFailure(error, program, request.WorkingDirectory));
            }

            reaper.Register(pid);
            started = true;
            return SpawnResult.Started(new SpawnedChild(pid, stdoutRead, stderrRead));
        }
        finally
        {
            // The child has its copies; ours must close, or a reader never sees end of file.
            stdoutWrite?.Dispose();
            stderrWrite?.Dispose();
            if (!started)
            {
                stdoutRead?.Dispose();
                stderrRead?.Dispose();
            }
        }
    }

    public bool SignalGroup(int pid, int signal) => reaper.TrySignalGroup(pid, signal);

    public bool SignalProcess(int pid, int signal) => reaper.TrySignalProcess(pid, signal);

    private static int SpawnWithUmask(
        string executable, SpawnAttributes attributes, NativeStringArray argv, NativeStringArray envp, int? umask, out int pid)
    {
        lock (_umaskGate)
        {
            uint? saved = umask is int mask ? Interop.umask((uint)mask) : null;
            try
            {
                return Interop.posix_spawn(out pid, executable, attributes.FileActions, attributes.Attributes, argv.Pointer, envp.Pointer);
            }
            finally
            {
                if (saved is uint engineMask)
                {
                    _ = Interop.umask(engineMask);
                }
            }
        }
    }

    // C strings end at NUL and an environment name ends at '=': such text cannot reach the child intact.
    private static SpawnError? FindUnpassableText(SpawnRequest request)
    {
        if (request.Command.Any(argument => argument.Contains('\0', StringComparison.Ordinal)))
        {
            return new SpawnError(SpawnErrorKind.Other, "the command contains a NUL character");
        }
        foreach ((string name, string value) in request.Environment)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) ||
                value.Contains('\0', StringComparison.Ordinal))
            {
                return new SpawnError(SpawnErrorKind.Other, $"environment variable '{name}' cannot be passed to a process");
            }
        }
        return null;
    }

    // Both ends are close-on-exec from birth, so a child spawned concurrently never inherits them.
    private static bool TryCreatePipe(
        [NotNullWhen(true)] out SafeFileHandle? read, [NotNullWhen(true)] out SafeFileHandle? write, out int errno)
    {
        int* fds = stackalloc int[2];
        if (Interop.pipe2(fds, Interop.O_CLOEXEC) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            read = write = null;
            return false;
        }
        errno = 0;
        read = new SafeFileHandle(fds[0], ownsHandle: true);
        write = new SafeFileHandle(fds[1], ownsHandle: true);
        return true;
    }

    // Safe while the handle is held open, which the caller does until the spawn has returned.
    private static int Fd(SafeFileHandle handle) => (int)handle.DangerousGetHandle();
}
