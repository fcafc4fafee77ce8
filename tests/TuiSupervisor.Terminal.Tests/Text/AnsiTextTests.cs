using System.Text;

namespace TuiSupervisor.Terminal.Tests.Text;

public class AnsiTextTests
{
    private static readonly Style Base = new(Color.Default, Color.Default);
    private static readonly Style Stderr = new(Color.Red, Color.Default);

    private static StyledLine Parse(string text) => AnsiText.Parse(text, Base);

    [Fact]
    public void Plain_text_is_one_span_in_the_base_style()
    {
        var line = AnsiText.Parse("hello world", Stderr);
        Assert.Equal([new StyledSpan("hello world", Stderr)], line.Spans.ToArray());
        Assert.Equal(11, line.Width);
    }

    [Fact]
    public void Sgr_colours_and_attributes_become_styles()
    {
        var line = Parse("a\e[1;31mb\e[38;5;208mc\e[48;2;1;2;3md\e[0me\e[7mf\e[27;39mg");
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], line.Spans.Select(s => s.Text));
        Assert.Equal(new Style(Color.Red, Color.Default, TextAttributes.Bold), line.Spans[1].Style);
        Assert.Equal(new Style(Color.Indexed(208), Color.Default, TextAttributes.Bold), line.Spans[2].Style);
        Assert.Equal(new Style(Color.Indexed(208), Color.Rgb(1, 2, 3), TextAttributes.Bold), line.Spans[3].Style);
        Assert.Equal(Base, line.Spans[4].Style);
        Assert.Equal(Base.Add(TextAttributes.Reverse), line.Spans[5].Style);
        Assert.Equal(Base, line.Spans[6].Style);
    }

    [Fact]
    public void Colon_spelt_truecolor_and_bright_colours_are_read()
    {
        var line = Parse("\e[38:2::10:20:30;102mx");
        Assert.Equal(new Style(Color.Rgb(10, 20, 30), Color.BrightGreen), line.Spans[0].Style);
    }

    [Fact]
    public void Reset_returns_to_the_base_style_not_the_terminal_default()
    {
        var line = AnsiText.Parse("\e[32mok\e[0m then \e[39mdefault", Stderr);
        Assert.Equal(Stderr, line.Spans[1].Style);
        Assert.Equal(new Style(Color.Green, Color.Default), line.Spans[0].Style);
        Assert.Single(line.Spans.Skip(1));
    }

    [Fact]
    public void Style_carries_over_to_the_next_line_when_asked()
    {
        var state = Base;
        AnsiText.Parse("\e[31mred starts"u8, Base, ref state);
        var next = AnsiText.Parse("still red\e[0m"u8, Base, ref state);
        Assert.Equal(new Style(Color.Red, Color.Default), next.Spans[0].Style);
        Assert.Equal(Base, state);
    }

    [Theory]
    [InlineData("a\e[2Jb\e[Hc\e[10;20Hd\e[?1049he\e[Kf\e[1;24rg", "abcdefg")]
    [InlineData("\e]0;pwned title\ahello", "hello")]
    [InlineData("\e]8;;https://example.com\e\\link\e]8;;\e\\ text", "link text")]
    [InlineData("x\ePqdata\e\\y\e_apc\e\\z\e^pm\e\\w", "xyzw")]
    [InlineData("a\e(Bb\e7c\e8d\ece", "abcde")]
    [InlineData("a\e[>4;1mb", "ab")]
    public void Every_other_escape_sequence_is_dropped(string input, string expected)
    {
        var line = Parse(input);
        Assert.Equal(expected, line.Text);
        Assert.All(line.Spans, s => Assert.Equal(Base, s.Style));
    }

    [Theory]
    [InlineData("bell\a", "bell␇")]
    [InlineData("back\bspace", "back␈space")]
    [InlineData("50%\r60%", "50%␍60%")]
    [InlineData("crlf\r", "crlf")]
    [InlineData("del\x7f", "del␡")]
    [InlineData("lone \eé escape", "lone ␛é escape")]
    [InlineData("end\e", "end␛")]
    [InlineData("nul\0", "nul␀")]
    public void Controls_are_shown_as_harmless_symbols(string input, string expected) => Assert.Equal(expected, Parse(input).Text);

    [Fact]
    public void Tabs_expand_to_8_column_stops()
    {
        Assert.Equal("a       b       c", Parse("a\tb\tc").Text);
        Assert.Equal("中      x", Parse("中\tx").Text);
    }

    [Fact]
    public void Invalid_utf8_c1_controls_and_bidi_overrides_become_replacement_characters()
    {
        byte[] bytes = [(byte)'a', 0xff, (byte)'b', 0xc2, 0x9b, (byte)'3', (byte)'1', (byte)'m', 0xe2, 0x80, 0xae, (byte)'c', 0xe4, 0xb8];
        var line = AnsiText.Parse(bytes, Base);
        Assert.Equal("a\uFFFDb\uFFFD31m\uFFFDc\uFFFD", line.Text);
    }

    [Fact]
    public void Wide_characters_count_two_columns()
    {
        var line = Parse("日本\e[1m語");
        Assert.Equal(6, line.Width);
        Assert.Equal(2, line.Spans.Length);
    }

    [Fact]
    public void An_unterminated_string_sequence_hides_at_most_its_limit()
    {
        var text = "\e]0;" + new string('x', 10_000) + "visible";
        var line = Parse(text);
        Assert.StartsWith("␛]0;xxx", line.Text, StringComparison.Ordinal);
        Assert.EndsWith("visible", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_control_sequence_is_shown_not_swallowed()
    {
        var text = "\e[" + new string('1', 200) + "mafter";
        var line = Parse(text);
        Assert.EndsWith("after", line.Text, StringComparison.Ordinal);
        Assert.StartsWith("␛[111", line.Text, StringComparison.Ordinal);
        Assert.All(line.Spans, s => Assert.Equal(Base, s.Style));
    }

    [Fact]
    public void A_sequence_cut_by_the_end_of_the_line_is_dropped()
    {
        Assert.Equal("text", Parse("text\e[31;4").Text);
        Assert.Equal("text", Parse("text\e]0;tit").Text);
    }

    [Fact]
    public void Random_bytes_never_throw_and_never_leave_an_escape_or_control_character()
    {
        var random = new Random(42);
        var buffer = new byte[300];
        for (var n = 0; n < 3000; n++)
        {
            random.NextBytes(buffer);
            for (var k = 0; k < 20; k++)
                buffer[random.Next(buffer.Length)] = (byte)"\e[;m]\a\\"[random.Next(7)];
            var text = AnsiText.Parse(buffer, Base).Text;
            Assert.DoesNotContain(text.EnumerateRunes(), r => Rune.IsControl(r));
        }
    }
}
