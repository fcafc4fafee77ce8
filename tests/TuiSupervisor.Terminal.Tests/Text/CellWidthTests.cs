using System.Text;

namespace TuiSupervisor.Terminal.Tests.Text;

public class CellWidthTests
{
    [Theory]
    [InlineData('a', 1)]
    [InlineData('é', 1)]
    [InlineData('中', 2)]
    [InlineData('あ', 2)]
    [InlineData('한', 2)]
    [InlineData('Ａ', 2)]
    [InlineData('\u0301', 0)]
    [InlineData('\u200B', 0)]
    [InlineData('\u001b', 0)]
    [InlineData('\u0085', 0)]
    [InlineData('─', 1)]
    public void Of_rune_follows_wcwidth(char c, int expected) => Assert.Equal(expected, CellWidth.Of(new Rune(c)));

    [Fact]
    public void Emoji_and_supplementary_ideographs_are_wide()
    {
        Assert.Equal(2, CellWidth.Of(new Rune(0x1F600)));
        Assert.Equal(2, CellWidth.Of(new Rune(0x20000)));
        Assert.Equal(1, CellWidth.Of(new Rune(0x10400)));
    }

    [Fact]
    public void Of_text_adds_up_wide_and_combining()
    {
        Assert.Equal(2 + 2 + 1 + 1, CellWidth.Of("中文e\u0301x"));
        Assert.Equal(1, CellWidth.Of("\ud800"));
    }

    [Theory]
    [InlineData("hello world", 8, "hello w…")]
    [InlineData("hello", 5, "hello")]
    [InlineData("中文中文", 5, "中文…")]
    [InlineData("中文中文", 4, "中…")]
    [InlineData("abc", 0, "")]
    public void Truncate_cuts_with_an_ellipsis(string text, int width, string expected)
    {
        var cut = CellWidth.Truncate(text, width);
        Assert.Equal(expected, cut);
        Assert.True(CellWidth.Of(cut) <= width);
    }

    [Fact]
    public void Fit_pads_and_aligns_to_the_exact_width()
    {
        Assert.Equal("ab   ", CellWidth.PadRight("ab", 5));
        Assert.Equal("   ab", CellWidth.PadLeft("ab", 5));
        Assert.Equal(" ab  ", CellWidth.Fit("ab", 5, TextAlignment.Center));
        Assert.Equal("中 ", CellWidth.PadRight("中", 3));
        Assert.Equal("ab…", CellWidth.PadRight("abcdef", 3));
    }
}
