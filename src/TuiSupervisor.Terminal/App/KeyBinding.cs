namespace TuiSupervisor.Terminal;

/// <summary>
/// One row of a <see cref="KeyMap{TCommand}"/>: the keys that run a command, what it does (for
/// the help overlay), where it is listed, a short footer label, and when it applies.
/// </summary>
public sealed record KeyBinding<TCommand>(
    TCommand Command,
    IReadOnlyList<KeyEvent> Keys,
    string Description,
    string Section,
    string? Hint = null,
    Func<bool>? IsEnabled = null)
{
    /// <summary>The key shown in footers: the first one given.</summary>
    public KeyEvent PrimaryKey => Keys[0];

    public bool Enabled => IsEnabled?.Invoke() ?? true;

    /// <summary>Every key as help shows it: <c>R, Ctrl-R</c>.</summary>
    public string KeysText => string.Join(", ", Keys);
}
