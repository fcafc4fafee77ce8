using System.Globalization;
using System.Runtime.InteropServices;

namespace TuiSupervisor.Core.Posix;

/// <summary>What running as an account takes: its ids and its supplementary groups (initgroups' list).</summary>
internal sealed record UserAccount(string Name, uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// The account named by <paramref name="user"/>, a name or a numeric uid as supervisord
    /// accepts (a number is tried as a uid first); null when the system knows no such account.
    /// Goes through NSS, so LDAP and systemd-homed users are found like local ones.
    /// </summary>
    public static unsafe UserAccount? Find(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        byte* buffer = (byte*)NativeMemory.Alloc(BufferSize);
        try
        {
            Interop.PasswdEntry entry;
            Interop.PasswdEntry* found = null;
            int error = uint.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out uint uid)
                ? Interop.getpwuid_r(uid, &entry, buffer, BufferSize, &found)
                : Interop.getpwnam_r(user, &entry, buffer, BufferSize, &found);
            if (error != 0 || found == null)
            {
                return null;
            }
            string name = Marshal.PtrToStringUTF8((nint)entry.Name) ?? user;
            return new UserAccount(name, entry.Uid, entry.Gid, GroupsOf(name, entry.Gid));
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }

    private static unsafe uint[] GroupsOf(string name, uint primaryGroup)
    {
        int count = 32;
        while (true)
        {
            uint[] groups = new uint[count];
            int capacity = count;
            fixed (uint* pointer = groups)
            {
                if (Interop.getgrouplist(name, primaryGroup, pointer, ref count) >= 0)
                {
                    return groups[..count];
                }
            }
            // glibc reports the size it needs; guard against a library that does not.
            count = Math.Max(count, capacity * 2);
        }
    }
}
