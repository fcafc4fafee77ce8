namespace TuiSupervisor.Terminal;

/// <summary>Text attributes (SGR 1, 2, 3, 4, 7, 9). They survive <see cref="ColorMode.None"/>, so reverse video still marks a selection on a monochrome terminal.</summary>
[Flags]
public enum TextAttributes
{
    None = 0,
    Bold = 1,
    Dim = 2,
    Italic = 4,
    Underline = 8,
    Reverse = 16,
    Strikethrough = 32,
}
