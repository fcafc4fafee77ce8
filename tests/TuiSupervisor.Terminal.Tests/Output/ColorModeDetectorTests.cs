namespace TuiSupervisor.Terminal.Tests.Output;

public class ColorModeDetectorTests
{
    [Theory]
    [InlineData("xterm-256color", null, null, false, ColorMode.Indexed256)]
    [InlineData("xterm-256color", "truecolor", null, false, ColorMode.TrueColor)]
    [InlineData("screen", "24bit", null, false, ColorMode.TrueColor)]
    [InlineData("xterm", null, null, false, ColorMode.Ansi16)]
    [InlineData("tmux-256color", null, null, false, ColorMode.Indexed256)]
    [InlineData("dumb", "truecolor", null, false, ColorMode.None)]
    [InlineData("xterm-256color", "truecolor", "1", false, ColorMode.None)]
    [InlineData("xterm-256color", null, "", false, ColorMode.Indexed256)]
    [InlineData("xterm-256color", null, null, true, ColorMode.None)]
    [InlineData(null, null, null, false, ColorMode.Ansi16)]
    public void Mode_follows_the_environment(string? term, string? colorTerm, string? noColor, bool flag, ColorMode expected)
    {
        var environment = new Dictionary<string, string?> { ["TERM"] = term, ["COLORTERM"] = colorTerm, ["NO_COLOR"] = noColor };
        Assert.Equal(expected, ColorModeDetector.Detect(name => environment.GetValueOrDefault(name), flag));
    }

    [Fact]
    public void Downgrade_picks_the_nearest_palette_entries()
    {
        Assert.Equal(Color.Indexed(196), ColorPalette.Downgrade(Color.Rgb(255, 0, 0), ColorMode.Indexed256));
        Assert.Equal(Color.BrightRed, ColorPalette.Downgrade(Color.Rgb(250, 10, 10), ColorMode.Ansi16));
        Assert.Equal(Color.Blue, ColorPalette.Downgrade(Color.Indexed(19), ColorMode.Ansi16));
        Assert.Equal(Color.Default, ColorPalette.Downgrade(Color.Red, ColorMode.None));
        Assert.Equal(Color.Red, ColorPalette.Downgrade(Color.Red, ColorMode.Ansi16));
    }
}
