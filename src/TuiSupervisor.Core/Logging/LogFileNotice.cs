namespace TuiSupervisor.Core.Logging;

/// <summary>
/// Something the engine should put in its activity log about a child log file. A file reports a
/// failure once and then its recovery once, however many writes fail in between.
/// </summary>
/// <param name="DroppedBytes">Output that will never reach the file (the pending buffer overflowed, or it was closed while failing).</param>
internal sealed record LogFileNotice(string Path, LogFileNoticeKind Kind, string Message, long DroppedBytes = 0);
