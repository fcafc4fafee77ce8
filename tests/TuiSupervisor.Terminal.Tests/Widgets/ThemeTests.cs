namespace TuiSupervisor.Terminal.Tests.Widgets;

public class ThemeTests
{
    private static readonly Style Green = new(Color.Green, Color.Default);
    private static readonly Style Red = new(Color.Red, Color.Default);

    [Fact]
    public void A_missing_role_falls_back_to_its_base_role_then_to_the_default_theme_then_to_normal()
    {
        var theme = Theme.Create("mine", new Dictionary<string, Style> { ["state"] = Green, ["state.fatal"] = Red });

        Assert.Equal(Red, theme["state.fatal"]);
        Assert.Equal(Green, theme["state.running"]);
        Assert.Equal(Theme.Default[ThemeRoles.Selected], theme[ThemeRoles.Selected]);
        Assert.Equal(Style.Default, theme["nothing.at.all"]);
        Assert.False(theme.TryResolve("nothing", out _));
    }

    [Fact]
    public void With_returns_a_new_theme_and_leaves_the_old_one()
    {
        var theme = Theme.Create("mine", []);
        var changed = theme.With(ThemeRoles.Normal, Red);
        Assert.Equal(Red, changed[ThemeRoles.Normal]);
        Assert.Equal(Style.Default, theme[ThemeRoles.Normal]);
        Assert.Equal(Red, changed["anything"]);
    }

    [Fact]
    public void Attribute_names_parse_as_theme_files_write_them()
    {
        Assert.True(Theme.TryParseAttributes(["bold", "Underline"], out var attributes));
        Assert.Equal(TextAttributes.Bold | TextAttributes.Underline, attributes);
        Assert.False(Theme.TryParseAttributes(["blink"], out _));
        Assert.False(Theme.TryParseAttributes(["3"], out _));
    }
}
