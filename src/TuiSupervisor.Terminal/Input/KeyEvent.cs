using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// A key press. Printable characters are <see cref="Key.Char"/> with the character in
/// <see cref="Char"/> (upper-case letters as themselves, without Shift); Ctrl+letter is the
/// lower-case letter with <see cref="Modifiers.Ctrl"/>. The text form (<see cref="ToString"/>,
/// <see cref="TryParse"/>) is what help screens and key maps use: <c>Ctrl-R</c>, <c>F1</c>,
/// <c>Shift-Tab</c>, <c>Up</c>, <c>s</c>, <c>R</c>, <c>Alt-x</c>, <c>Space</c>.
/// </summary>
[SuppressMessage("Naming", "CA1720", Justification = "Char is the typed character; the name reads as what it is.")]
public sealed record KeyEvent(Key Key, Rune Char = default, Modifiers Modifiers = Modifiers.None) : InputEvent
{
    private static readonly Dictionary<string, Key> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Enter"] = Key.Enter,
        ["Return"] = Key.Enter,
        ["Tab"] = Key.Tab,
        ["BackTab"] = Key.BackTab,
        ["Backspace"] = Key.Backspace,
        ["Esc"] = Key.Escape,
        ["Escape"] = Key.Escape,
        ["Up"] = Key.Up,
        ["Down"] = Key.Down,
        ["Left"] = Key.Left,
        ["Right"] = Key.Right,
        ["Home"] = Key.Home,
        ["End"] = Key.End,
        ["PgUp"] = Key.PageUp,
        ["PageUp"] = Key.PageUp,
        ["PgDn"] = Key.PageDown,
        ["PageDown"] = Key.PageDown,
        ["Insert"] = Key.Insert,
        ["Ins"] = Key.Insert,
        ["Delete"] = Key.Delete,
        ["Del"] = Key.Delete,
    };

    /// <summary>A printable character, e.g. <c>KeyEvent.Of('q')</c>.</summary>
    public static KeyEvent Of(char c, Modifiers modifiers = Modifiers.None) => new(Key.Char, new Rune(c), modifiers);

    /// <summary>Ctrl+letter, e.g. <c>KeyEvent.Ctrl('r')</c>.</summary>
    public static KeyEvent Ctrl(char letter) => new(Key.Char, new Rune(char.ToLowerInvariant(letter)), Modifiers.Ctrl);

    /// <summary>A named key, e.g. <c>KeyEvent.Named(Key.F1)</c>.</summary>
    public static KeyEvent Named(Key key, Modifiers modifiers = Modifiers.None) => new(key, default, modifiers);

    public bool IsChar => Key == Key.Char;

    public override string ToString()
    {
        var text = new StringBuilder();
        var modifiers = Modifiers;
        if (Key == Key.BackTab)
            modifiers |= Modifiers.Shift;
        if (modifiers.HasFlag(Modifiers.Ctrl))
            text.Append("Ctrl-");
        if (modifiers.HasFlag(Modifiers.Alt))
            text.Append("Alt-");
        if (modifiers.HasFlag(Modifiers.Shift))
            text.Append("Shift-");
        text.Append(Key switch
        {
            Key.Char when Char.Value == ' ' => "Space",
            Key.Char when Modifiers.HasFlag(Modifiers.Ctrl) && Rune.IsLetter(Char) => Rune.ToUpperInvariant(Char).ToString(),
            Key.Char => Char.ToString(),
            Key.BackTab => "Tab",
            Key.PageUp => "PgUp",
            Key.PageDown => "PgDn",
            Key.Escape => "Esc",
            Key.Delete => "Del",
            _ => Key.ToString(),
        });
        return text.ToString();
    }

    /// <summary>Reads the text <see cref="ToString"/> writes (names and modifiers in any case; <c>C-r</c>, <c>^R</c> and <c>M-x</c> too).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out KeyEvent? key)
    {
        key = null;
        if (string.IsNullOrEmpty(text))
            return false;
        var rest = text.AsSpan();
        var modifiers = Modifiers.None;
        if (rest.Length == 2 && rest[0] == '^' && char.IsAsciiLetter(rest[1]))
        {
            key = Ctrl(rest[1]);
            return true;
        }

        while (rest.Length > 1)
        {
            var dash = rest.IndexOfAny('-', '+');
            if (dash <= 0 || dash == rest.Length - 1)
                break;
            var modifier = ParseModifier(rest[..dash]);
            if (modifier == Modifiers.None)
                return false;
            modifiers |= modifier;
            rest = rest[(dash + 1)..];
        }

        var name = rest.ToString();
        if (Names.TryGetValue(name, out var named))
        {
            key = named == Key.Tab && modifiers.HasFlag(Modifiers.Shift) ? Named(Key.BackTab, modifiers & ~Modifiers.Shift) : Named(named, modifiers);
            return true;
        }

        if (name.Length >= 2 && (name[0] is 'F' or 'f') && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f is >= 1 and <= 12)
        {
            key = Named(Key.F1 + f - 1, modifiers);
            return true;
        }

        if (name.Equals("Space", StringComparison.OrdinalIgnoreCase))
        {
            key = new KeyEvent(Key.Char, new Rune(' '), modifiers);
            return true;
        }

        if (Rune.DecodeFromUtf16(name, out var rune, out var used) != OperationStatus.Done || used != name.Length)
            return false;
        if (modifiers.HasFlag(Modifiers.Ctrl) && Rune.IsLetter(rune))
            rune = Rune.ToLowerInvariant(rune);
        key = new KeyEvent(Key.Char, rune, modifiers);
        return true;
    }

    /// <summary>As <see cref="TryParse"/>, throwing on text that names no key.</summary>
    public static KeyEvent Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a key (examples: q, R, Ctrl-R, F1, Shift-Tab, Up, Alt-x)");

    private static Modifiers ParseModifier(ReadOnlySpan<char> name) => name switch
    {
        _ when name.Equals("Ctrl", StringComparison.OrdinalIgnoreCase) || name.Equals("Control", StringComparison.OrdinalIgnoreCase) || name.Equals("C", StringComparison.Ordinal) => Modifiers.Ctrl,
        _ when name.Equals("Alt", StringComparison.OrdinalIgnoreCase) || name.Equals("Meta", StringComparison.OrdinalIgnoreCase) || name.Equals("M", StringComparison.Ordinal) => Modifiers.Alt,
        _ when name.Equals("Shift", StringComparison.OrdinalIgnoreCase) || name.Equals("S", StringComparison.Ordinal) => Modifiers.Shift,
        _ => Modifiers.None,
    };
}
