namespace TuiSupervisor.Terminal;

/// <summary>Text pasted while bracketed paste was on: it arrives whole, never as keys that could trigger commands.</summary>
public sealed record PasteEvent(string Text) : InputEvent;
