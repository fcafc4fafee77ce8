namespace TuiSupervisor.Core.Logging;

internal enum LogFileNoticeKind
{
    /// <summary>The file cannot be opened, written or rotated; reported once until it works again.</summary>
    Failing,

    /// <summary>The file works again after a <see cref="Failing"/> notice.</summary>
    Recovered,
}
