using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Tui.Themes;

/// <summary>
/// The semantic roles a theme colours (themes/default.toml documents them). A role that a theme
/// leaves out falls back to the role before its last dot, then to <see cref="Normal"/>.
/// </summary>
internal static class ThemeRoles
{
    public const string Normal = "normal";
    public const string Dim = "dim";
    public const string Header = "header";
    public const string HeaderAccent = "header.accent";
    public const string TableHeader = "table.header";
    public const string Selected = "selected";
    public const string SelectedUnfocused = "selected.unfocused";
    public const string Border = "border";
    public const string BorderFocused = "border.focused";
    public const string Title = "title";
    public const string TitleFocused = "title.focused";
    public const string Footer = "footer";
    public const string FooterKey = "footer.key";
    public const string Message = "message";
    public const string MessageError = "message.error";
    public const string HealthOk = "health.ok";
    public const string HealthFailing = "health.failing";
    public const string LogStderr = "log.stderr";
    public const string LogMatch = "log.match";
    public const string LogMatchCurrent = "log.match.current";
    public const string LogNotice = "log.notice";
    public const string Dialog = "dialog";
    public const string DialogBorder = "dialog.border";
    public const string HelpKey = "help.key";
    public const string HelpSection = "help.section";
    public const string EventTime = "event.time";
    public const string EventWarn = "event.warn";
    public const string EventError = "event.error";

    /// <summary>Every role a theme file may set.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Normal, Dim, Header, HeaderAccent, TableHeader, Selected, SelectedUnfocused, Border, BorderFocused, Title, TitleFocused,
        Footer, FooterKey, Message, MessageError, HealthOk, HealthFailing, LogStderr, LogMatch, LogMatchCurrent, LogNotice,
        Dialog, DialogBorder, HelpKey, HelpSection, EventTime, EventWarn, EventError,
        .. Enum.GetValues<ProcessState>().Select(For),
    ];

    /// <summary><c>state.running</c>, <c>state.fatal</c>, …</summary>
    public static string For(ProcessState state) => "state." + state.ToString().ToLowerInvariant();

    /// <summary>The role a missing role falls back to; null for <see cref="Normal"/>.</summary>
    public static string? Parent(string role) => role == Normal ? null : role.LastIndexOf('.') is > 0 and var dot ? role[..dot] : Normal;
}
