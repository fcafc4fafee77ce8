namespace TuiSupervisor.Terminal.Tests.Drawing;

public class SurfaceTests
{
    private static readonly Style Red = new(Color.Red, Color.Default);

    [Fact]
    public void Write_returns_columns_and_clips_at_the_right_edge()
    {
        var buffer = new CellBuffer(5, 1);
        var used = buffer.CreateSurface().Write(2, 0, "abcdef", Red);
        Assert.Equal(3, used);
        Assert.Equal("  abc", buffer.ToString());
        Assert.Equal(Red, buffer[4, 0].Style);
    }

    [Fact]
    public void A_clipped_surface_never_writes_outside_its_rectangle()
    {
        var buffer = new CellBuffer(6, 3);
        var inner = buffer.CreateSurface().Clip(new Rect(1, 1, 3, 1));
        inner.Fill(new Rect(-5, -5, 50, 50), Red);
        inner.Write(-2, 0, "0123456789", Red);
        inner.Write(0, 1, "below", Style.Default);
        Assert.Equal("\n 234\n", buffer.ToString());
        Assert.Equal(Red, buffer[3, 1].Style);
        Assert.Equal(Style.Default, buffer[4, 1].Style);
        Assert.Equal(Style.Default, buffer[1, 0].Style);
    }

    [Fact]
    public void A_wide_character_reserves_a_continuation_cell()
    {
        var buffer = new CellBuffer(4, 1);
        var used = buffer.CreateSurface().Write(0, 0, "中x", Style.Default);
        Assert.Equal(3, used);
        Assert.Equal((2, "中"), (buffer[0, 0].Width, buffer[0, 0].Text));
        Assert.True(buffer[1, 0].IsContinuation);
        Assert.Equal("x", buffer[2, 0].Text);
    }

    [Fact]
    public void A_wide_character_that_does_not_fit_leaves_a_blank()
    {
        var buffer = new CellBuffer(3, 1);
        buffer.CreateSurface().Write(0, 0, "ab中", Style.Default);
        Assert.Equal("ab ", buffer.LineText(0));
        Assert.Equal(1, buffer[2, 0].Width);
    }

    [Fact]
    public void Overwriting_half_of_a_wide_character_blanks_the_other_half()
    {
        var buffer = new CellBuffer(4, 1);
        var surface = buffer.CreateSurface();
        surface.Write(0, 0, "中文", Style.Default);
        surface.Write(1, 0, "x", Style.Default);
        surface.Write(2, 0, "y", Style.Default);
        Assert.Equal(" xy ", buffer.LineText(0));
        Assert.All(Enumerable.Range(0, 4), x => Assert.Equal(1, buffer[x, 0].Width));
    }

    [Fact]
    public void Combining_marks_join_the_character_before_them()
    {
        var buffer = new CellBuffer(4, 1);
        var used = buffer.CreateSurface().Write(0, 0, "e\u0301a", Style.Default);
        Assert.Equal(2, used);
        Assert.Equal("e\u0301", buffer[0, 0].Text);
        Assert.Equal("a", buffer[1, 0].Text);
    }

    [Fact]
    public void Control_characters_are_drawn_as_replacement_characters()
    {
        var buffer = new CellBuffer(6, 1);
        buffer.CreateSurface().Write(0, 0, "a\u001b[2Jb", Style.Default);
        Assert.Equal("a\uFFFD[2Jb", buffer.LineText(0));
    }

    [Fact]
    public void Styled_line_spans_keep_their_styles_over_the_base()
    {
        var buffer = new CellBuffer(6, 1);
        var line = new StyledLine([new StyledSpan("ab", Red), new StyledSpan("cd", Style.Default)]);
        var baseStyle = new Style(Color.Default, Color.Blue);
        buffer.CreateSurface().Write(0, 0, line, baseStyle, skipColumns: 1);
        Assert.Equal("bcd   ", buffer.LineText(0));
        Assert.Equal(new Style(Color.Red, Color.Blue), buffer[0, 0].Style);
        Assert.Equal(baseStyle, buffer[1, 0].Style);
    }

    [Fact]
    public void Cursor_is_hidden_until_a_view_sets_it_and_is_translated_to_buffer_coordinates()
    {
        var buffer = new CellBuffer(10, 5);
        Assert.Null(buffer.Cursor);
        buffer.CreateSurface().Clip(new Rect(2, 3, 5, 1)).SetCursor(1, 0);
        Assert.Equal((3, 3), buffer.Cursor);
    }

    [Fact]
    public void Border_draws_a_box_with_its_title()
    {
        var buffer = new CellBuffer(8, 3);
        buffer.CreateSurface().DrawBorder(buffer.Bounds, Style.Default, "Hi");
        Assert.Equal("┌ Hi ──┐\n│      │\n└──────┘", buffer.ToString());
    }
}
