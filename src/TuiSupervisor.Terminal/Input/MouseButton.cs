namespace TuiSupervisor.Terminal;

public enum MouseButton
{
    None,
    Left,
    Middle,
    Right,
}
