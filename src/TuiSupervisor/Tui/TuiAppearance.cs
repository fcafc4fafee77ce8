using TuiSupervisor.Terminal;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tui;

/// <summary>
/// The theme and colour mode the TUI draws with: <c>--theme</c>, else <c>[supervisor] theme</c>;
/// colours as the terminal says it can show them (<c>TERM</c>, <c>COLORTERM</c>), none with
/// <c>NO_COLOR</c> or <c>--no-color</c> — and then the monochrome theme, unless one was chosen,
/// since it marks states by weight and decoration instead of colour.
/// </summary>
internal static class TuiAppearance
{
    public static (Theme? Theme, ColorMode Mode, IReadOnlyList<string> Errors) Choose(string? themeOption, string configTheme, string? configDirectory, bool noColorOption, Func<string, string?> environment)
    {
        var mode = ColorModeDetector.Detect(environment, noColorOption);
        var name = themeOption ?? (mode == ColorMode.None && configTheme == "default" ? "monochrome" : configTheme);
        var (theme, errors) = ThemeCatalog.Load(name, configDirectory, environment);
        return (theme, mode, errors);
    }
}
