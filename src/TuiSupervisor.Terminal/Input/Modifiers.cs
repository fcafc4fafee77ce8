namespace TuiSupervisor.Terminal;

/// <summary>Modifier keys held with a key or mouse action. Shift is only reported for named keys (an upper-case letter is its own character).</summary>
[Flags]
public enum Modifiers
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Ctrl = 4,
}
