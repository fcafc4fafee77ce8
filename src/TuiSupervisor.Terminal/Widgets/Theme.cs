using System.Collections.Immutable;

namespace TuiSupervisor.Terminal;

/// <summary>
/// Named styles ("roles") that views draw with, so a theme file changes the look without code.
/// A role that is not set falls back to its base role (the name up to its last dot:
/// <c>state.running</c> → <c>state</c>), then to the theme it is based on (the built-in
/// <see cref="Default"/>), then to <c>normal</c>.
/// </summary>
/// <remarks>Immutable: <see cref="With"/> returns a new theme, so a theme can be swapped while another thread reads the old one.</remarks>
public sealed class Theme
{
    private readonly ImmutableDictionary<string, Style> _roles;
    private readonly Theme? _basedOn;

    private Theme(string name, ImmutableDictionary<string, Style> roles, Theme? basedOn)
    {
        Name = name;
        _roles = roles;
        _basedOn = basedOn;
    }

    /// <summary>
    /// The built-in look: terminal default colours, reverse video for the selection (visible
    /// without colours too), basic colours elsewhere, so it works on 16-colour terminals and tmux.
    /// </summary>
    public static Theme Default { get; } = new("default", new Dictionary<string, Style>
    {
        [ThemeRoles.Normal] = Style.Default,
        [ThemeRoles.Header] = new(Color.Default, Color.Default, TextAttributes.Bold | TextAttributes.Underline),
        [ThemeRoles.Selected] = new(Color.Default, Color.Default, TextAttributes.Reverse | TextAttributes.Bold),
        [ThemeRoles.SelectedUnfocused] = new(Color.Default, Color.Default, TextAttributes.Reverse),
        [ThemeRoles.Border] = new(Color.BrightBlack, Color.Default),
        [ThemeRoles.BorderFocused] = new(Color.Cyan, Color.Default, TextAttributes.Bold),
        [ThemeRoles.Title] = new(Color.Default, Color.Default, TextAttributes.Bold),
        [ThemeRoles.StatusBar] = new(Color.Default, Color.Default, TextAttributes.Reverse),
        [ThemeRoles.HintKey] = new(Color.Default, Color.Default, TextAttributes.Reverse | TextAttributes.Bold),
        [ThemeRoles.HintLabel] = new(Color.Default, Color.Default, TextAttributes.Reverse),
        [ThemeRoles.HelpKey] = new(Color.Cyan, Color.Default, TextAttributes.Bold),
        [ThemeRoles.Dialog] = Style.Default,
        [ThemeRoles.DialogBorder] = new(Color.Yellow, Color.Default, TextAttributes.Bold),
        [ThemeRoles.SearchMatch] = new(Color.Black, Color.Yellow),
        [ThemeRoles.SearchCurrent] = new(Color.Black, Color.BrightYellow, TextAttributes.Bold | TextAttributes.Underline),
        [ThemeRoles.Input] = new(Color.Default, Color.Default, TextAttributes.Underline),
        [ThemeRoles.Muted] = new(Color.BrightBlack, Color.Default),
        [ThemeRoles.Error] = new(Color.Red, Color.Default, TextAttributes.Bold),
        [ThemeRoles.Warning] = new(Color.Yellow, Color.Default),
    }.ToImmutableDictionary(), null);

    public string Name { get; }

    /// <summary>The roles this theme sets itself (not those it inherits).</summary>
    public IReadOnlyDictionary<string, Style> Roles => _roles;

    /// <summary>The style of <paramref name="role"/>, after the fallbacks.</summary>
    public Style this[string role] => Get(role);

    /// <summary>A theme of <paramref name="roles"/> on top of <paramref name="basedOn"/> (the built-in default when null).</summary>
    public static Theme Create(string name, IEnumerable<KeyValuePair<string, Style>> roles, Theme? basedOn = null) =>
        new(name, roles.ToImmutableDictionary(), basedOn ?? Default);

    /// <summary>This theme with <paramref name="role"/> set.</summary>
    public Theme With(string role, Style style) => new(Name, _roles.SetItem(role, style), _basedOn);

    public Style Get(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return TryResolve(role, out var style) ? style : TryResolve(ThemeRoles.Normal, out style) ? style : Style.Default;
    }

    /// <summary>Whether this theme or a theme it is based on sets <paramref name="role"/> or one of its base roles.</summary>
    public bool TryResolve(string role, out Style style)
    {
        ArgumentNullException.ThrowIfNull(role);
        for (var theme = this; theme is not null; theme = theme._basedOn)
        {
            for (var name = role; name.Length > 0; name = BaseRole(name))
            {
                if (theme._roles.TryGetValue(name, out style))
                    return true;
            }
        }

        style = Style.Default;
        return false;
    }

    /// <summary>Reads attribute names as theme files write them: bold, dim, italic, underline, reverse, strikethrough (case ignored).</summary>
    public static bool TryParseAttributes(IEnumerable<string> names, out TextAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(names);
        attributes = TextAttributes.None;
        foreach (var name in names)
        {
            if (!Enum.TryParse<TextAttributes>(name.Trim(), ignoreCase: true, out var one) || !Enum.IsDefined(one) || int.TryParse(name, out _))
                return false;
            attributes |= one;
        }

        return true;
    }

    private static string BaseRole(string role)
    {
        var dot = role.LastIndexOf('.');
        return dot < 0 ? "" : role[..dot];
    }
}
