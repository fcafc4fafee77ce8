namespace TuiSupervisor.Core.Config;

public enum LogTargetKind
{
    /// <summary>No file (<c>NONE</c> or <c>/dev/null</c>); output is still kept in memory for <c>tail</c>.</summary>
    None,

    /// <summary>A file with a generated name in <c>childlogdir</c> (<c>AUTO</c>).</summary>
    Auto,

    /// <summary>The absolute path in <see cref="LogTarget.Path"/>.</summary>
    File,
}

/// <summary>Where one output stream of a process goes, and how its file rotates.</summary>
public sealed record LogTarget(LogTargetKind Kind, string? Path, long MaxBytes, int Backups)
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;
    public const int DefaultBackups = 10;
}
