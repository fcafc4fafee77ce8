namespace TuiSupervisor.Terminal;

/// <summary>Which key: <see cref="Char"/> for every printable character (and Ctrl+letter), the rest by name.</summary>
public enum Key
{
    /// <summary>A character; <see cref="KeyEvent.Char"/> says which.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The key of a typed character; the name reads as what it is.")]
    Char,
    Enter,
    Tab,

    /// <summary>Shift-Tab (CSI Z).</summary>
    BackTab,
    Backspace,
    Escape,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    Delete,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
}
