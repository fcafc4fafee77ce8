namespace TuiSupervisor.Terminal;

/// <summary>Where text sits in a wider column.</summary>
public enum TextAlignment
{
    Left,
    Right,
    Center,
}
