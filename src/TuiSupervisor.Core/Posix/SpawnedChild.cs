using Microsoft.Win32.SafeHandles;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// A child that was started: leader of its own session and process group (so its pgid is
/// <paramref name="Pid"/>), registered with the reaper before anyone could see it.
/// </summary>
/// <param name="Pid">Process id, process group id and session id of the child.</param>
/// <param name="Stdout">Read end of the child's stdout pipe (and stderr's, when redirected).</param>
/// <param name="Stderr">Read end of the child's stderr pipe; null when stderr was redirected.</param>
/// <remarks>
/// The read ends belong to the caller, who must drain them continuously (a child blocks when a pipe
/// is full) and dispose them. Pipes cannot seek, so read them as a stream, e.g.
/// <c>new FileStream(handle, FileAccess.Read, bufferSize: 0)</c>; a read returns 0 once every
/// writer, the child and any grandchild holding the pipe, has closed it. The handles are
/// close-on-exec, so no later child inherits them.
/// </remarks>
internal sealed record SpawnedChild(int Pid, SafeFileHandle Stdout, SafeFileHandle? Stderr);
