namespace TuiSupervisor.Terminal.Tests.Text;

public class StyledLineTests
{
    [Fact]
    public void Width_and_text_cover_every_span()
    {
        var line = new StyledLine([new StyledSpan("ab", Style.Default), new StyledSpan("中", new Style(Color.Red, Color.Default))]);
        Assert.Equal(4, line.Width);
        Assert.Equal("ab中", line.Text);
    }

    [Fact]
    public void Wrap_cuts_at_the_width_without_splitting_wide_characters()
    {
        var red = new Style(Color.Red, Color.Default);
        var line = new StyledLine([new StyledSpan("abc", Style.Default), new StyledSpan("中文d", red)]);
        var pieces = line.Wrap(4);
        Assert.Equal(["abc", "中文", "d"], pieces.Select(p => p.Text));
        Assert.Equal(red, pieces[2].Spans[0].Style);
    }
}
