namespace TuiSupervisor.Terminal;

/// <summary>How many colours the terminal shows; the renderer brings every colour down to it.</summary>
public enum ColorMode
{
    /// <summary>No colours (NO_COLOR, <c>--no-color</c>, TERM=dumb): attributes such as reverse and bold still show.</summary>
    None,

    /// <summary>The 16 basic colours.</summary>
    Ansi16,

    /// <summary>The xterm 256-colour palette.</summary>
    Indexed256,

    /// <summary>24-bit colour.</summary>
    TrueColor,
}
