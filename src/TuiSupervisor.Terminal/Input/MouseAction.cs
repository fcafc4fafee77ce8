namespace TuiSupervisor.Terminal;

public enum MouseAction
{
    Press,
    Release,

    /// <summary>Moved with a button held.</summary>
    Drag,

    /// <summary>Moved with no button held (only with any-motion tracking, which we do not turn on).</summary>
    Move,
    WheelUp,
    WheelDown,
}
