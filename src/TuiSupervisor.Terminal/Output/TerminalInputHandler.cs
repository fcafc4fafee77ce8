namespace TuiSupervisor.Terminal;

/// <summary>Receives the bytes a terminal read from the keyboard (on the device's own thread; copy them before returning).</summary>
public delegate void TerminalInputHandler(ReadOnlySpan<byte> data);
