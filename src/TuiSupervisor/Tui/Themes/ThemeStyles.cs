using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui.Themes;

/// <summary>
/// A theme's roles resolved for drawing: a role's own style laid over its fallback's
/// (<c>state.fatal</c> over <c>state</c> over <c>normal</c>), so a role that sets only a
/// foreground keeps the theme's background. Resolved once, read on every frame.
/// </summary>
internal sealed class ThemeStyles
{
    private readonly Dictionary<string, Style> _resolved = new(StringComparer.Ordinal);

    public ThemeStyles(IReadOnlyDictionary<string, Style> roles)
    {
        foreach (var role in ThemeRoles.All)
            _resolved[role] = Resolve(role, roles);
    }

    public Style this[string role] => _resolved.TryGetValue(role, out var style) ? style : _resolved[ThemeRoles.Normal];

    public Style For(ProcessState state) => this[ThemeRoles.For(state)];

    private static Style Resolve(string role, IReadOnlyDictionary<string, Style> roles)
    {
        var own = roles.GetValueOrDefault(role);
        return ThemeRoles.Parent(role) is { } parent ? own.Over(Resolve(parent, roles)) : own;
    }
}
