namespace TuiSupervisor.Terminal;

/// <summary>
/// A mouse action at (<paramref name="X"/>, <paramref name="Y"/>), 0-based. The decoder gives
/// screen coordinates; a view receives them relative to its own top-left corner.
/// </summary>
public sealed record MouseEvent(MouseAction Action, MouseButton Button, int X, int Y, Modifiers Modifiers = Modifiers.None) : InputEvent;
