namespace TuiSupervisor.Terminal;

/// <summary>A terminal's size in cells.</summary>
public readonly record struct TerminalSize(int Width, int Height);
