namespace TuiSupervisor.Terminal;

/// <summary>
/// Key bindings as data: one table gives the command for a key, the help overlay's sections and
/// the footer's hints, so they cannot disagree. Keys are written as
/// <see cref="KeyEvent.ToString"/> writes them (<c>"R"</c>, <c>"Ctrl-R"</c>, <c>"F1"</c>).
/// </summary>
/// <remarks>
/// The first key of a binding is its primary key, shown in the footer: make it a letter, and
/// give F-keys only as aliases (they do not survive every SSH client, tmux and macOS terminal).
/// A key bound twice is refused when added, so a conflict shows at start-up, not as a key that
/// silently does the other thing. A binding whose <see cref="KeyBinding{TCommand}.IsEnabled"/>
/// says no is skipped by <see cref="TryGetCommand"/> and <see cref="Hints"/> (another binding of
/// the same key may then apply).
/// </remarks>
public sealed class KeyMap<TCommand>
    where TCommand : notnull
{
    private readonly List<KeyBinding<TCommand>> _bindings = [];

    public IReadOnlyList<KeyBinding<TCommand>> Bindings => _bindings;

    /// <summary>The sections in the order they were first used, each with its bindings.</summary>
    public IEnumerable<IGrouping<string, KeyBinding<TCommand>>> Sections => _bindings.GroupBy(b => b.Section);

    /// <summary>Binds <paramref name="keys"/> (primary first) to <paramref name="command"/>.</summary>
    /// <exception cref="FormatException">A key's text names no key.</exception>
    /// <exception cref="ArgumentException">A key is already bound to an always-enabled binding, or no key is given.</exception>
    public KeyMap<TCommand> Add(TCommand command, string[] keys, string description, string section = "General", string? hint = null, Func<bool>? enabled = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Add(new KeyBinding<TCommand>(command, keys.Select(KeyEvent.Parse).ToArray(), description, section, hint, enabled));
    }

    public KeyMap<TCommand> Add(KeyBinding<TCommand> binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (binding.Keys.Count == 0)
            throw new ArgumentException($"'{binding.Description}' has no key", nameof(binding));
        foreach (var key in binding.Keys)
        {
            var clash = _bindings.FirstOrDefault(b => b.Keys.Contains(key) && (b.IsEnabled is null || binding.IsEnabled is null));
            if (clash is not null)
                throw new ArgumentException($"{key} is bound twice: to '{clash.Description}' and '{binding.Description}'", nameof(binding));
        }

        _bindings.Add(binding);
        return this;
    }

    /// <summary>The command of the first enabled binding of <paramref name="key"/>.</summary>
    public bool TryGetCommand(KeyEvent key, out TCommand command)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var binding in _bindings)
        {
            if (binding.Keys.Contains(key) && binding.Enabled)
            {
                command = binding.Command;
                return true;
            }
        }

        command = default!;
        return false;
    }

    /// <summary>The first binding of <paramref name="command"/>, if any.</summary>
    public KeyBinding<TCommand>? Find(TCommand command) =>
        _bindings.FirstOrDefault(b => EqualityComparer<TCommand>.Default.Equals(b.Command, command));

    /// <summary>Footer hints: the primary key and hint of each enabled binding that has a hint, in table order.</summary>
    public IReadOnlyList<KeyHint> Hints() =>
        _bindings.Where(b => b.Hint is not null && b.Enabled).Select(b => new KeyHint(b.PrimaryKey.ToString(), b.Hint!)).ToList();
}
