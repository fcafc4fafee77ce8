using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui.Themes;

/// <summary>
/// The roles a theme file may set (themes/default.toml shows them all): the generic widgets'
/// (<see cref="ThemeRoles"/>) and the supervisor screen's own. A role a theme leaves out falls
/// back to the role before its last dot, then to <c>normal</c>.
/// </summary>
internal static class TuiRoles
{
    public const string Bar = "bar";
    public const string BarAccent = "bar.accent";
    public const string BarAlert = "bar.alert";
    public const string TitleFocused = "title.focused";
    public const string Message = "message";
    public const string HealthOk = "health.ok";
    public const string HealthFailing = "health.failing";
    public const string LogStderr = "log.stderr";
    public const string LogNotice = "log.notice";
    public const string EventTime = "event.time";

    public static IReadOnlyList<string> All { get; } =
    [
        ThemeRoles.Normal, ThemeRoles.Muted, ThemeRoles.Header, ThemeRoles.Selected, ThemeRoles.SelectedUnfocused,
        ThemeRoles.Border, ThemeRoles.BorderFocused, ThemeRoles.Title, ThemeRoles.StatusBar, ThemeRoles.HintKey, ThemeRoles.HintLabel, ThemeRoles.HelpKey,
        ThemeRoles.Input, ThemeRoles.Error, ThemeRoles.Warning, ThemeRoles.Dialog, ThemeRoles.DialogBorder, ThemeRoles.SearchMatch,
        ThemeRoles.SearchCurrent, Bar, BarAccent, BarAlert, TitleFocused, Message, HealthOk, HealthFailing, LogStderr, LogNotice, EventTime,
        .. Enum.GetValues<ProcessState>().Select(For),
    ];

    /// <summary><c>state.running</c>, <c>state.fatal</c>, …</summary>
    public static string For(ProcessState state) => "state." + state.ToString().ToLowerInvariant();

    /// <summary>The role a missing role falls back to; null for <c>normal</c>.</summary>
    public static string? Parent(string role) =>
        role == ThemeRoles.Normal ? null : role.LastIndexOf('.') is > 0 and var dot ? role[..dot] : ThemeRoles.Normal;

    /// <summary>
    /// Every role resolved: its own style laid over its fallback's (<c>state.fatal</c> over
    /// <c>state</c> over <c>normal</c>), so a role that sets only a foreground keeps the theme's
    /// background, as a theme author expects.
    /// </summary>
    public static Theme Resolve(string name, IReadOnlyDictionary<string, Style> roles) =>
        Theme.Create(name, All.Select(role => KeyValuePair.Create(role, ResolveRole(role, roles))));

    private static Style ResolveRole(string role, IReadOnlyDictionary<string, Style> roles)
    {
        var own = roles.GetValueOrDefault(role);
        return Parent(role) is { } parent ? own.Over(ResolveRole(parent, roles)) : own;
    }
}
