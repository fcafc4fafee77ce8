namespace TuiSupervisor.Terminal;

/// <summary>How an <see cref="Application"/> runs.</summary>
public sealed record ApplicationOptions
{
    /// <summary>What the renderer brings colours down to (see <see cref="ColorModeDetector"/>).</summary>
    public ColorMode ColorMode { get; init; } = ColorMode.Ansi16;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Frames are coalesced and capped at this rate; 0 draws every invalidation at once (tests).</summary>
    public int MaxFramesPerSecond { get; init; } = 20;

    /// <summary>Below this size a one-line notice is drawn instead of the views.</summary>
    public TerminalSize MinimumSize { get; init; } = new(40, 10);

    /// <summary>How long a lone ESC waits before it is the Escape key.</summary>
    public TimeSpan EscapeTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Ctrl-Z that no view handles suspends the program (raw mode turns it into a key, not SIGTSTP).</summary>
    public bool SuspendOnCtrlZ { get; init; } = true;

    /// <summary>What every frame is cleared to before the views draw (a theme's normal role).</summary>
    public Style Background { get; init; } = Style.Default;
}
