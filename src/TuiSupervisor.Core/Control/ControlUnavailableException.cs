namespace TuiSupervisor.Core.Control;

/// <summary>No engine answers at a control socket, or it refused us; the message names the socket.</summary>
public sealed class ControlUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
