namespace TuiSupervisor.Tui;

/// <summary>Which of a process's outputs a log line came from, or which the log pane shows.</summary>
[Flags]
internal enum LogStream
{
    Stdout = 1,
    Stderr = 2,
    Both = Stdout | Stderr,
}
