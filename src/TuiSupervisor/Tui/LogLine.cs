namespace TuiSupervisor.Tui;

/// <summary>One line of a process's output as it printed it (raw bytes, no newline), and where it came from.</summary>
internal readonly record struct LogLine(LogStream Stream, byte[] Bytes);
