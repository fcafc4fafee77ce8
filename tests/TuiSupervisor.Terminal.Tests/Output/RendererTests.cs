using System.Text;

namespace TuiSupervisor.Terminal.Tests.Output;

public class RendererTests
{
    private static readonly Style Red = new(Color.Red, Color.Default);
    private static readonly Style Selected = new(Color.Default, Color.Default, TextAttributes.Reverse);

    private static (VirtualTerminal Terminal, Renderer Renderer, CellBuffer Frame) Create(int width, int height, ColorMode mode = ColorMode.TrueColor) =>
        (new VirtualTerminal(width, height), new Renderer(mode), new CellBuffer(width, height));

    private static void Show(VirtualTerminal terminal, Renderer renderer, CellBuffer frame) => terminal.Write(renderer.Render(frame));

    [Fact]
    public void First_frame_draws_everything_the_user_should_see()
    {
        var (terminal, renderer, frame) = Create(14, 3);
        var surface = frame.CreateSurface();
        surface.Write(0, 0, "NAME  STATE", Style.Default);
        surface.Write(0, 1, "web", Selected);
        surface.Write(6, 1, "RUNNING", Red);
        surface.Write(0, 2, "中文ok", Style.Default);

        Show(terminal, renderer, frame);

        Assert.Equal("""
            NAME  STATE
            web   RUNNING
            中文ok
            """, terminal.ScreenText());
        Assert.Equal(Selected, terminal.StyleAt(0, 1));
        Assert.Equal(Red, terminal.StyleAt(6, 1));
        Assert.Equal(Style.Default, terminal.StyleAt(3, 1));
        Assert.Empty(terminal.UnknownSequences);
    }

    [Fact]
    public void An_unchanged_frame_writes_nothing()
    {
        var (terminal, renderer, frame) = Create(10, 2);
        frame.CreateSurface().Write(0, 0, "hello", Red);
        Show(terminal, renderer, frame);

        Assert.Equal(0, renderer.Render(frame).Length);
        Assert.Equal(0, renderer.LastFrameBytes);
    }

    [Fact]
    public void Only_changed_cells_are_written()
    {
        var (terminal, renderer, frame) = Create(80, 24);
        var surface = frame.CreateSurface();
        for (var y = 0; y < 24; y++)
            surface.Write(0, y, new string('x', 80), Style.Default);
        Show(terminal, renderer, frame);

        surface.Write(40, 10, "yy", Style.Default);
        var bytes = Encoding.UTF8.GetString(renderer.Render(frame));

        Assert.Equal("\e[?2026h\e[11;41H\e[0myy\e[?2026l", bytes);
    }

    [Fact]
    public void Sgr_is_emitted_only_when_the_style_changes()
    {
        var (terminal, renderer, frame) = Create(20, 1);
        Show(terminal, renderer, frame);
        var surface = frame.CreateSurface();
        surface.Write(0, 0, "aaaa", Red);
        surface.Write(4, 0, "bbbb", Red);
        surface.Write(8, 0, "cc", Style.Default);
        var bytes = Encoding.UTF8.GetString(renderer.Render(frame));

        Assert.Equal(1, CountOf(bytes, "\e[0;31m"));
        Assert.Contains("\e[0;31maaaabbbb\e[0mcc", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_unchanged_gap_is_rewritten_instead_of_moving_the_cursor()
    {
        var (terminal, renderer, frame) = Create(20, 1);
        var surface = frame.CreateSurface();
        surface.Write(0, 0, "abcdefgh", Style.Default);
        Show(terminal, renderer, frame);
        surface.Write(0, 0, "X", Style.Default);
        surface.Write(3, 0, "Y", Style.Default);
        var bytes = Encoding.UTF8.GetString(renderer.Render(frame));

        Assert.Equal(1, CountOf(bytes, "H"));
        terminal.Write(Encoding.UTF8.GetBytes(bytes));
        Assert.Equal("XbcYefgh", terminal.ScreenText());
    }

    [Fact]
    public void Replacing_a_wide_character_with_narrow_ones_leaves_no_half()
    {
        var (terminal, renderer, frame) = Create(6, 1);
        var surface = frame.CreateSurface();
        surface.Write(0, 0, "中文", Style.Default);
        Show(terminal, renderer, frame);
        surface.Write(1, 0, "ab", Style.Default);
        Show(terminal, renderer, frame);

        Assert.Equal(" ab", terminal.ScreenText());
        surface.Write(0, 0, "文x", Style.Default);
        Show(terminal, renderer, frame);
        Assert.Equal("文x", terminal.ScreenText());
    }

    [Fact]
    public void A_full_redraw_repaints_a_screen_that_was_changed_behind_its_back()
    {
        var (terminal, renderer, frame) = Create(10, 2);
        frame.CreateSurface().Write(0, 0, "kept", Red);
        Show(terminal, renderer, frame);
        terminal.Write("\e[2J"u8);

        Assert.Equal(0, renderer.Render(frame).Length);
        renderer.RequestFullRedraw();
        Show(terminal, renderer, frame);
        Assert.Equal("kept", terminal.ScreenText());
        Assert.Equal(Red, terminal.StyleAt(0, 0));
    }

    [Fact]
    public void A_new_size_redraws_everything()
    {
        var (terminal, renderer, _) = Create(10, 2);
        var small = new CellBuffer(10, 2);
        small.CreateSurface().Write(0, 1, "old", Style.Default);
        Show(terminal, renderer, small);
        terminal.Resize(5, 3);
        var frame = new CellBuffer(5, 3);
        frame.CreateSurface().Write(0, 2, "new", Style.Default);
        Show(terminal, renderer, frame);

        Assert.Equal("\n\nnew", terminal.ScreenText());
    }

    [Fact]
    public void The_cursor_is_shown_only_where_a_view_puts_it()
    {
        var (terminal, renderer, frame) = Create(10, 2);
        Show(terminal, renderer, frame);
        Assert.False(terminal.CursorVisible);

        frame.CreateSurface().SetCursor(3, 1);
        Show(terminal, renderer, frame);
        Assert.True(terminal.CursorVisible);
        Assert.Equal((3, 1), (terminal.CursorX, terminal.CursorY));

        Assert.Equal(0, renderer.Render(frame).Length);
        frame.Cursor = null;
        Show(terminal, renderer, frame);
        Assert.False(terminal.CursorVisible);
    }

    [Fact]
    public void Every_frame_ends_in_the_default_style()
    {
        var (terminal, renderer, frame) = Create(10, 1);
        frame.CreateSurface().Write(0, 0, "red", Red);
        var bytes = Encoding.UTF8.GetString(renderer.Render(frame));
        Assert.EndsWith("\e[0m\e[?25l\e[?2026l", bytes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ColorMode.TrueColor, "\e[0;38;2;255;128;0m")]
    [InlineData(ColorMode.Indexed256, "\e[0;38;5;208m")]
    [InlineData(ColorMode.Ansi16, "\e[0;33m")]
    [InlineData(ColorMode.None, "\e[0;7m")]
    public void Colours_are_brought_down_to_the_terminal_mode(ColorMode mode, string expected)
    {
        var (_, renderer, frame) = Create(3, 1, mode);
        var style = new Style(Color.Rgb(255, 128, 0), Color.Default, mode == ColorMode.None ? TextAttributes.Reverse : TextAttributes.None);
        frame.CreateSurface().Write(0, 0, "x", style);
        Assert.Contains(expected, Encoding.UTF8.GetString(renderer.Render(frame)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_frame_is_one_write()
    {
        var (terminal, renderer, frame) = Create(20, 5);
        frame.CreateSurface().Write(0, 0, "a", Style.Default);
        frame.CreateSurface().Write(0, 4, "b", Red);
        Show(terminal, renderer, frame);
        Assert.Equal(1, terminal.WriteCount);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
