namespace TuiSupervisor.Terminal.Tests.Widgets;

public class LineEditorTests
{
    private static LineEditor Typed(string text)
    {
        var editor = new LineEditor();
        foreach (var c in text)
            editor.HandleKey(KeyEvent.Of(c));
        return editor;
    }

    [Fact]
    public void Typing_inserts_at_the_cursor()
    {
        var editor = Typed("restart");
        editor.HandleKey(KeyEvent.Named(Key.Home));
        editor.HandleKey(KeyEvent.Of('x'));
        editor.HandleKey(KeyEvent.Named(Key.End));
        editor.HandleKey(KeyEvent.Named(Key.Left));
        editor.HandleKey(KeyEvent.Named(Key.Backspace));
        editor.HandleKey(KeyEvent.Named(Key.Delete));
        Assert.Equal("xresta", editor.Text);
        Assert.Equal(6, editor.Cursor);
    }

    [Fact]
    public void Emacs_kill_keys_cut_as_in_bash()
    {
        var editor = Typed("stop web worker");
        editor.HandleKey(KeyEvent.Ctrl('w'));
        Assert.Equal("stop web ", editor.Text);
        editor.HandleKey(KeyEvent.Ctrl('a'));
        editor.HandleKey(KeyEvent.Ctrl('f'));
        editor.HandleKey(KeyEvent.Ctrl('k'));
        Assert.Equal("s", editor.Text);
        editor.HandleKey(KeyEvent.Ctrl('e'));
        editor.Insert("tart");
        editor.HandleKey(KeyEvent.Ctrl('b'));
        editor.HandleKey(KeyEvent.Ctrl('u'));
        Assert.Equal("t", editor.Text);
        Assert.Equal(0, editor.Cursor);
    }

    [Fact]
    public void Word_moves_skip_spaces()
    {
        var editor = Typed("tail -f web");
        editor.HandleKey(new KeyEvent(Key.Char, new System.Text.Rune('b'), Modifiers.Alt));
        Assert.Equal(8, editor.Cursor);
        editor.HandleKey(KeyEvent.Named(Key.Left, Modifiers.Ctrl));
        Assert.Equal(5, editor.Cursor);
        editor.HandleKey(KeyEvent.Named(Key.Right, Modifiers.Ctrl));
        Assert.Equal(7, editor.Cursor);
    }

    [Fact]
    public void The_cursor_moves_over_wide_and_combined_characters_whole()
    {
        var editor = new LineEditor();
        editor.Insert("a中e\u0301😀");
        Assert.Equal(6, editor.CursorColumn);
        editor.HandleKey(KeyEvent.Named(Key.Backspace));
        Assert.Equal("a中e\u0301", editor.Text);
        editor.HandleKey(KeyEvent.Named(Key.Left));
        Assert.Equal(2, editor.Cursor);
        Assert.Equal(3, editor.CursorColumn);
        editor.HandleKey(KeyEvent.Named(Key.Delete));
        Assert.Equal("a中", editor.Text);
    }

    [Fact]
    public void History_browses_and_keeps_the_draft()
    {
        var editor = new LineEditor();
        editor.AddHistory("status");
        editor.AddHistory("start web");
        editor.AddHistory("start web");
        editor.Insert("sto");

        editor.HandleKey(KeyEvent.Named(Key.Up));
        Assert.Equal("start web", editor.Text);
        editor.HandleKey(KeyEvent.Named(Key.Up));
        editor.HandleKey(KeyEvent.Named(Key.Up));
        Assert.Equal("status", editor.Text);
        editor.HandleKey(KeyEvent.Named(Key.Down));
        editor.HandleKey(KeyEvent.Named(Key.Down));
        Assert.Equal("sto", editor.Text);
        Assert.Equal(2, editor.History.Count);
    }

    [Fact]
    public void Completion_extends_to_the_common_prefix_or_the_single_word()
    {
        var editor = Typed("st");
        Assert.False(editor.Complete(["start", "status", "stop"]));
        Assert.Equal("st", editor.Text);

        editor = Typed("s");
        Assert.True(editor.Complete(["start", "status"]));
        Assert.Equal("sta", editor.Text);

        editor = Typed("restart w");
        Assert.True(editor.Complete(["web"]));
        Assert.Equal("restart web ", editor.Text);
        Assert.False(editor.Complete([]));
    }

    [Fact]
    public void Pasted_line_breaks_become_spaces()
    {
        var editor = new LineEditor();
        editor.Insert("a\nb\tc");
        Assert.Equal("a b c", editor.Text);
    }
}
