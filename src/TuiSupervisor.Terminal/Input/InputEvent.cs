namespace TuiSupervisor.Terminal;

/// <summary>Something the user did: a key (<see cref="KeyEvent"/>), a paste (<see cref="PasteEvent"/>) or a mouse action (<see cref="MouseEvent"/>).</summary>
public abstract record InputEvent;
