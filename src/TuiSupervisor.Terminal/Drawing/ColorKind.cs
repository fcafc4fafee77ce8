namespace TuiSupervisor.Terminal;

/// <summary>How a <see cref="Color"/> is expressed to the terminal.</summary>
public enum ColorKind
{
    /// <summary>The terminal's own default foreground or background (SGR 39/49).</summary>
    Default,

    /// <summary>One of the 16 basic colours (SGR 30–37, 90–97), which the user's palette defines.</summary>
    Ansi,

    /// <summary>An entry of the xterm 256-colour palette (SGR 38;5;n).</summary>
    Indexed,

    /// <summary>A 24-bit colour (SGR 38;2;r;g;b).</summary>
    Rgb,
}
