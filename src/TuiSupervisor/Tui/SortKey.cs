namespace TuiSupervisor.Tui;

/// <summary>What the process table is ordered by (<c>o</c> cycles through them, <c>O</c> reverses).</summary>
internal enum SortKey
{
    Name,
    State,
    Cpu,
    Memory,
    Restarts,
    Uptime,
}
