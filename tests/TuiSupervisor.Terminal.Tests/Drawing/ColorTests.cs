namespace TuiSupervisor.Terminal.Tests.Drawing;

public class ColorTests
{
    [Theory]
    [InlineData("default", "default")]
    [InlineData("red", "red")]
    [InlineData("Bright-Red", "bright-red")]
    [InlineData("brightred", "bright-red")]
    [InlineData("bright_blue", "bright-blue")]
    [InlineData("gray", "bright-black")]
    [InlineData("#FF8000", "#ff8000")]
    [InlineData("208", "208")]
    [InlineData("3", "yellow")]
    public void TryParse_reads_theme_colour_names(string text, string expected)
    {
        Assert.True(Color.TryParse(text, out var color));
        Assert.Equal(expected, color.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("purple")]
    [InlineData("#12345")]
    [InlineData("#gg0000")]
    [InlineData("256")]
    [InlineData("-1")]
    public void TryParse_refuses_what_is_no_colour(string text) => Assert.False(Color.TryParse(text, out _));

    [Fact]
    public void Rgb_keeps_its_components()
    {
        var color = Color.Rgb(1, 2, 3);
        Assert.Equal((ColorKind.Rgb, (byte)1, (byte)2, (byte)3), (color.Kind, color.R, color.G, color.B));
    }

    [Fact]
    public void Indexed_below_16_is_the_basic_colour()
    {
        Assert.Equal(Color.Red, Color.Indexed(1));
        Assert.Equal(ColorKind.Indexed, Color.Indexed(16).Kind);
    }

    [Fact]
    public void Out_of_range_indexes_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Color.Ansi(16));
        Assert.Throws<ArgumentOutOfRangeException>(() => Color.Indexed(256));
    }

    [Fact]
    public void Style_over_keeps_colours_from_below_where_it_sets_none()
    {
        var span = new Style(Color.Red, Color.Default, TextAttributes.Bold);
        var highlight = new Style(Color.Default, Color.Yellow, TextAttributes.Underline);
        Assert.Equal(new Style(Color.Red, Color.Yellow, TextAttributes.Bold | TextAttributes.Underline), highlight.Over(span));
    }
}
