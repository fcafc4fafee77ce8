using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Who owns a path and what it is, without following a final symlink: what the control socket
/// needs to decide whether a folder is safe to listen in (.NET exposes the mode, not the owner).
/// </summary>
internal readonly record struct FileStatus(uint Uid, int Mode)
{
    private const int TypeMask = 0xF000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsSocket => (Mode & TypeMask) == 0xC000;

    public bool IsSymlink => (Mode & TypeMask) == 0xA000;

    /// <summary>The permission bits (the low 12).</summary>
    public int Permissions => Mode & 0xFFF;

    /// <summary>The status of <paramref name="path"/>, or null when it does not exist (other errors throw).</summary>
    public static unsafe FileStatus? Of(string path)
    {
        var buffer = stackalloc byte[Interop.StatxSize];
        if (Interop.statx(Interop.AT_FDCWD, path, Interop.AT_SYMLINK_NOFOLLOW, Interop.STATX_TYPE_MODE_UID, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == Errno.ENOENT ? null : throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        // struct statx: stx_uid is the u32 at offset 20, stx_mode the u16 at offset 28.
        var span = new ReadOnlySpan<byte>(buffer, Interop.StatxSize);
        return new FileStatus(BinaryPrimitives.ReadUInt32LittleEndian(span[20..]), BinaryPrimitives.ReadUInt16LittleEndian(span[28..]));
    }
}
