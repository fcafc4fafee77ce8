namespace TuiSupervisor.Terminal;

/// <summary>Which modes a <see cref="PosixTerminal"/> turns on besides raw input (all are restored).</summary>
public sealed record PosixTerminalOptions
{
    /// <summary>The alternate screen (DEC 1049): the shell's screen comes back untouched at exit. Off for a line editor.</summary>
    public bool AlternateScreen { get; init; } = true;

    /// <summary>SGR mouse reporting (1000, 1002, 1006): clicks, drags and the wheel. Shift+drag still selects text in most terminals.</summary>
    public bool Mouse { get; init; } = true;

    /// <summary>Bracketed paste (2004): a paste arrives as one <see cref="PasteEvent"/>, never as keys.</summary>
    public bool BracketedPaste { get; init; } = true;

    /// <summary>Hides the cursor while active (the renderer shows it where a view asks).</summary>
    public bool HideCursor { get; init; } = true;

    /// <summary>
    /// Whether SIGTERM, SIGINT, SIGQUIT and SIGHUP restore the terminal and raise
    /// <see cref="PosixTerminal.TerminationRequested"/> (the process then goes on until the program
    /// ends it). Off for a line editor whose program handles these signals itself (the headless
    /// shell reloads on SIGHUP and keeps the prompt): it must then dispose the terminal when it exits.
    /// </summary>
    public bool HandleTerminationSignals { get; init; } = true;

    /// <summary>For a full-screen program (the defaults).</summary>
    public static PosixTerminalOptions FullScreen { get; } = new();

    /// <summary>For a line editor on the shell's own screen: raw input and bracketed paste only.</summary>
    public static PosixTerminalOptions Inline { get; } = new() { AlternateScreen = false, Mouse = false, HideCursor = false, HandleTerminationSignals = false };
}
