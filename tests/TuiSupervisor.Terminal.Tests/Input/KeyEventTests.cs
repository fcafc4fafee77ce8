using System.Text;

namespace TuiSupervisor.Terminal.Tests.Input;

public class KeyEventTests
{
    [Theory]
    [InlineData("Ctrl-R")]
    [InlineData("F1")]
    [InlineData("Shift-Tab")]
    [InlineData("Up")]
    [InlineData("s")]
    [InlineData("R")]
    [InlineData("Alt-x")]
    [InlineData("Space")]
    [InlineData("Ctrl-Up")]
    [InlineData("PgDn")]
    [InlineData("?")]
    public void Text_round_trips(string text) => Assert.Equal(text, KeyEvent.Parse(text).ToString());

    [Fact]
    public void Parse_accepts_other_spellings()
    {
        Assert.Equal(KeyEvent.Ctrl('r'), KeyEvent.Parse("ctrl+r"));
        Assert.Equal(KeyEvent.Ctrl('r'), KeyEvent.Parse("^R"));
        Assert.Equal(KeyEvent.Named(Key.BackTab), KeyEvent.Parse("shift-tab"));
        Assert.Equal(KeyEvent.Named(Key.Escape), KeyEvent.Parse("Escape"));
        Assert.Equal(new KeyEvent(Key.Char, new Rune('x'), Modifiers.Alt), KeyEvent.Parse("M-x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("F13")]
    [InlineData("Hyper-x")]
    [InlineData("abc")]
    public void Parse_refuses_what_is_no_key(string text) => Assert.False(KeyEvent.TryParse(text, out _));

    [Fact]
    public void Upper_and_lower_case_letters_are_different_keys()
    {
        Assert.NotEqual(KeyEvent.Parse("r"), KeyEvent.Parse("R"));
        Assert.Equal(KeyEvent.Of('R'), KeyEvent.Parse("R"));
    }
}
