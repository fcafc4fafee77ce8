namespace TuiSupervisor.Terminal;

/// <summary>
/// What the application talks to: the real terminal (<see cref="PosixTerminal"/>) or an
/// in-memory one (<see cref="VirtualTerminal"/>). The device owns the mode switches (raw mode,
/// alternate screen, mouse, paste) and restores them; the application only writes frames and
/// reads input.
/// </summary>
public interface ITerminalDevice
{
    TerminalSize Size { get; }

    /// <summary>Writes bytes to the screen as they are (one call per frame). Ignored while the device is not active (after a restore).</summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Raised on the device's input thread with every chunk of bytes read. Reading starts with the first subscriber.</summary>
    event TerminalInputHandler? InputReceived;

    /// <summary>
    /// Raised (on any thread) when the size changed or the screen's content was lost (back from
    /// Ctrl-Z): the application lays out again and redraws everything.
    /// </summary>
    event EventHandler<TerminalSize>? Resized;

    /// <summary>Ctrl-Z: gives the terminal back to the shell and stops the process; <see cref="Resized"/> follows when it continues.</summary>
    void Suspend();
}
