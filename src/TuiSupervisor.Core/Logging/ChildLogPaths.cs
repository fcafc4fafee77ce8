using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Logging;

/// <summary>
/// Where a child's output goes: supervisord's <c>AUTO</c> names in <c>childlogdir</c>, and the
/// removal of the previous run's AUTO files.
/// </summary>
/// <remarks>
/// supervisord names AUTO logs with <c>tempfile.mktemp</c>:
/// <c>&lt;process&gt;-&lt;stdout|stderr&gt;---&lt;identifier&gt;-&lt;8 random [a-z0-9_]&gt;.log</c>, a fresh
/// name on every start and reload, and deletes every file of that shape (rotated backups
/// included) when it starts, so AUTO logs do not pile up across runs.
/// </remarks>
internal static class ChildLogPaths
{
    /// <summary>supervisord's default <c>identifier</c>, the third part of AUTO names.</summary>
    public const string DefaultIdentifier = "supervisor";

    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";

    /// <summary>The file for <paramref name="target"/>, or null when output is not written to a file (NONE, /dev/null).</summary>
    public static string? Resolve(LogTarget target, string childLogDir, string processName, OutputStreamKind stream, string identifier = DefaultIdentifier)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            LogTargetKind.None => null,
            LogTargetKind.Auto => NewAutoPath(childLogDir, processName, stream, identifier),
            _ => target.Path,
        };
    }

    /// <summary>A fresh AUTO log name in <paramref name="childLogDir"/>.</summary>
    public static string NewAutoPath(string childLogDir, string processName, OutputStreamKind stream, string identifier = DefaultIdentifier)
    {
        var random = new string(RandomNumberGenerator.GetItems<char>(RandomAlphabet, 8));
        return Path.Combine(childLogDir, $"{processName}-{StreamName(stream)}---{identifier}-{random}.log");
    }

    /// <summary>
    /// Deletes the AUTO logs (and their rotated backups) that an earlier run left in
    /// <paramref name="childLogDir"/>. A missing directory has nothing to delete.
    /// </summary>
    public static AutoLogCleanup DeletePreviousAutoLogs(string childLogDir, string identifier = DefaultIdentifier)
    {
        var deleted = new List<string>();
        var failed = new List<LogFileNotice>();
        if (!Directory.Exists(childLogDir))
        {
            return new AutoLogCleanup(deleted, failed);
        }

        var pattern = new Regex($@"^.+-(stdout|stderr)---{Regex.Escape(identifier)}-[a-z0-9_]{{8}}\.log(\.[0-9]+)?$", RegexOptions.CultureInvariant);
        foreach (var path in Directory.EnumerateFiles(childLogDir))
        {
            if (!pattern.IsMatch(Path.GetFileName(path)))
            {
                continue;
            }

            try
            {
                File.Delete(path);
                deleted.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add(new LogFileNotice(path, LogFileNoticeKind.Failing, "cannot delete old AUTO log: " + e.Message));
            }
        }

        return new AutoLogCleanup(deleted, failed);
    }

    private static string StreamName(OutputStreamKind stream) => stream == OutputStreamKind.Stdout ? "stdout" : "stderr";
}
