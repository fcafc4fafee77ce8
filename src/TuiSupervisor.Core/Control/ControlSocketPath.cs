using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// Where an engine's control socket lives, and whether its folder is safe. The engine and
/// <c>ctl -c FILE</c> both ask here, so they agree on the path without talking.
/// </summary>
public static class ControlSocketPath
{
    /// <summary>sun_path is 108 bytes including the terminating NUL.</summary>
    public const int MaxPathBytes = 107;

    private const uint OwnerOnly = 0b_111_000_000;
    private const int EEXIST = 17;

    /// <summary>
    /// <c>[supervisor] socket</c> when set, else a per-user default named after the config:
    /// <c>$XDG_RUNTIME_DIR/tuisupervisor/HASH.sock</c>, or without a runtime folder
    /// <c>$XDG_STATE_HOME/tuisupervisor/sockets/HASH.sock</c> (never a shared folder like /tmp).
    /// </summary>
    public static string For(SupervisorConfig config, Func<string, string?> environment)
    {
        if (config.Supervisor.Socket is { } configured)
            return configured;
        return Default(File.Exists(config.Source) ? Path.GetFullPath(config.Source) : config.Source, environment);
    }

    /// <summary>
    /// The socket of an engine running on <paramref name="configPath"/>, found from the file alone
    /// when it does not validate here (see <see cref="ConfiguredSocket"/>): its <c>socket</c> key
    /// when that can be read, else the default for the file.
    /// </summary>
    public static string ForFile(string configPath, Func<string, string?> environment) =>
        ConfiguredSocket.Read(configPath) ?? Default(Path.GetFullPath(configPath), environment);

    private static string Default(string identity, Func<string, string?> environment)
    {
        // Named after the config's absolute path: two engines started as `-c supervisor.toml` in
        // different folders must not meet on one socket, and any path to the same file finds it.
        var name = NameHash(identity).ToString("x16", CultureInfo.InvariantCulture) + ".sock";
        if (environment("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
            return Path.Combine(runtime, "tuisupervisor", name);
        var state = environment("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "tuisupervisor", "sockets", name);
    }

    /// <summary>
    /// FNV-1a over the path's UTF-8 bytes. It only has to tell configs apart (the folder is the
    /// user's own); SHA-256 did too, but loading OpenSSL for it cost every engine start and every
    /// <c>ctl</c> about 10 ms.
    /// </summary>
    private static ulong NameHash(string identity)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(identity))
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary>
    /// Makes sure the socket's folder exists and only we can change it: a folder we create is
    /// 0700 (so are the missing ones above it); an existing one must be ours (or root's when we
    /// are root) and neither group- nor world-writable, or somebody else could swap the socket.
    /// Returns why not, or null when it is safe.
    /// </summary>
    public static string? PrepareFolder(string socketPath)
    {
        if (Encoding.UTF8.GetByteCount(socketPath) > MaxPathBytes)
            return $"control socket path {socketPath} is longer than {MaxPathBytes} bytes (a limit of Unix sockets); set a shorter [supervisor] socket";
        var folder = Path.GetDirectoryName(Path.GetFullPath(socketPath)) ?? "/";
        try
        {
            if (FileStatus.Of(folder) is null)
                CreateOwnerOnly(folder);
            var status = FileStatus.Of(folder);
            var me = Interop.geteuid();
            if (status is not { IsDirectory: true } found)
                return $"control socket folder {folder} is not a folder";
            if (found.Uid != me)
                return $"control socket folder {folder} belongs to uid {found.Uid}, not to us (uid {me}); refusing to listen there";
            if ((found.Permissions & 0b_000_010_010) != 0)
                return $"control socket folder {folder} is writable by others (mode {Convert.ToString(found.Permissions, 8)}); make it 0700 or choose another [supervisor] socket";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"control socket folder {folder}: {e.Message}";
        }
    }

    /// <summary>mkdir -p with mode 0700 for every folder it creates.</summary>
    private static void CreateOwnerOnly(string folder)
    {
        if (Path.GetDirectoryName(folder) is { } parent && FileStatus.Of(parent) is null)
            CreateOwnerOnly(parent);
        if (Interop.mkdir(folder, OwnerOnly) != 0 && Marshal.GetLastPInvokeError() is var errno and not EEXIST)
            throw new IOException($"cannot create it: {Marshal.GetPInvokeErrorMessage(errno)}");
    }
}
