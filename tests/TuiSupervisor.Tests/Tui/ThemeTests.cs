using System.Text;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tests.Tui;

public class ThemeTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("default")]
    [InlineData("dark")]
    [InlineData("light")]
    [InlineData("high-contrast")]
    [InlineData("monochrome")]
    public void Every_built_in_theme_reads_cleanly_and_sets_every_role(string name)
    {
        var (roles, errors) = ThemeCatalog.LoadRoles(name, null, NoEnvironment);

        Assert.Empty(errors);
        Assert.Equal(TuiRoles.All.Order(StringComparer.Ordinal), roles!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Monochrome_uses_no_colour_at_all()
    {
        var (roles, _) = ThemeCatalog.LoadRoles("monochrome", null, NoEnvironment);
        Assert.All(roles!.Values, style => Assert.True(style.Foreground.IsDefault && style.Background.IsDefault, style.ToString()));
    }

    [Fact]
    public void A_role_left_out_falls_back_to_its_parent_laid_over_normal()
    {
        var theme = TuiRoles.Resolve("t", new Dictionary<string, Style>
        {
            ["normal"] = new(Color.White, Color.Blue),
            ["state.fatal"] = new(Color.Red, Color.Default, TextAttributes.Bold),
        });

        Assert.Equal(new Style(Color.Red, Color.Blue, TextAttributes.Bold), theme["state.fatal"]);
        Assert.Equal(new Style(Color.White, Color.Blue), theme["state.running"]);
        Assert.Equal(new Style(Color.White, Color.Blue), theme["search.current"]);
    }

    [Fact]
    public void A_bad_theme_file_gets_every_problem_with_its_place()
    {
        var text = """
            name = "mine"
            [roles]
            "state.runing" = { fg = "green" }
            normal = { fg = "chartreuse", bold = "yes", blink = true }
            """;
        var (roles, errors) = ThemeFile.Read(Encoding.UTF8.GetBytes(text), "mine.toml");

        Assert.Equal(
            [
                "mine.toml:3:1: unknown role 'state.runing' (did you mean 'state.running'?)",
                "mine.toml:4:17: 'fg' of role 'normal' must be a colour: \"default\", a name such as \"red\" or \"bright-blue\", \"0\"..\"255\" or \"#rrggbb\"",
                "mine.toml:4:38: 'bold' of role 'normal' must be true or false, not string",
                "mine.toml:4:45: unknown key 'blink' in role 'normal'",
            ],
            errors.Select(e => e.ToString()));
        Assert.Empty(roles);
    }

    [Fact]
    public void A_theme_in_the_configs_themes_folder_wins_over_the_built_in_one_and_unknown_names_say_what_exists()
    {
        var folder = Directory.CreateTempSubdirectory("tuisupervisor-theme-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "themes"));
            File.WriteAllText(Path.Combine(folder.FullName, "themes", "dark.toml"), "[roles]\nnormal = { fg = \"red\" }\n");
            var (roles, _) = ThemeCatalog.LoadRoles("dark", folder.FullName, NoEnvironment);
            Assert.Equal(new Style(Color.Red, Color.Default), roles!["normal"]);

            var (none, errors) = ThemeCatalog.LoadRoles("solarized", folder.FullName, NoEnvironment);
            Assert.Null(none);
            Assert.Equal(["unknown theme 'solarized': the built-in themes are default, dark, light, high-contrast, monochrome; or give a path to a .toml file"], errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
