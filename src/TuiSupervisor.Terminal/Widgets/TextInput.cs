namespace TuiSupervisor.Terminal;

/// <summary>
/// A one-line text field (search, filter, the command palette): <see cref="LineEditor"/>'s keys,
/// paste, horizontal scrolling when the text is longer than the field, the terminal's cursor at
/// the caret. Enter raises <see cref="Submitted"/>, Escape <see cref="Cancelled"/>; with
/// <see cref="UseHistory"/> Up/Down browse earlier submissions; with <see cref="Completion"/>
/// Tab completes the word before the cursor.
/// </summary>
public sealed class TextInput(Theme? theme = null) : View
{
    private int _scroll;

    public Theme Theme { get; set; } = theme ?? Theme.Default;

    public LineEditor Editor { get; } = new();

    public string Text
    {
        get => Editor.Text;
        set => Editor.SetText(value);
    }

    /// <summary>Drawn before the text (<c>/</c> for a search).</summary>
    public string Prompt { get; set; } = "";

    /// <summary>Shown in the muted style while the text is empty.</summary>
    public string Placeholder { get; set; } = "";

    public bool UseHistory { get; set; }

    /// <summary>Given the text before the cursor, the words that may complete it.</summary>
    public Func<string, IReadOnlyList<string>>? Completion { get; set; }

    public override bool CanFocus => true;

    public event EventHandler<string>? Submitted;

    public event EventHandler? Cancelled;

    /// <summary>The text changed (to filter as one types).</summary>
    public event EventHandler<string>? TextChanged;

    /// <summary>Tab found several candidates and could not extend the word: the application may list them.</summary>
    public event EventHandler<IReadOnlyList<string>>? CandidatesListed;

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var style = Theme[ThemeRoles.Input];
        surface.Fill(new Rect(0, 0, surface.Width, 1), style);
        var x = surface.Write(0, 0, Prompt, Theme[ThemeRoles.Normal]);
        var field = surface.Width - x;
        if (field <= 0)
            return;
        if (Editor.Text.Length == 0 && Placeholder.Length > 0)
            surface.Write(x, 0, Placeholder, Theme[ThemeRoles.Muted].Over(style));

        // Scroll so the caret stays inside the field, with the last column kept for it at the end.
        var caret = Editor.CursorColumn;
        if (caret < _scroll)
            _scroll = caret;
        else if (caret >= _scroll + field)
            _scroll = caret - field + 1;
        surface.Clip(new Rect(x, 0, field, 1)).Write(0, 0, StyledLine.Plain(Editor.Text, style), style, _scroll);
        if (HasFocus)
            surface.SetCursor(x + caret - _scroll, 0);
    }

    public override bool OnKey(KeyEvent key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var before = Editor.Text;
        switch (key.Key)
        {
            case Key.Enter:
                var text = Editor.Text;
                if (UseHistory)
                    Editor.AddHistory(text);
                Submitted?.Invoke(this, text);
                return true;
            case Key.Escape:
                Cancelled?.Invoke(this, EventArgs.Empty);
                return true;
            case Key.Tab when Completion is not null:
                var candidates = Editor.Matching(Completion(Editor.TextBeforeCursor));
                if (!Editor.Complete(candidates) && candidates.Count > 1)
                    CandidatesListed?.Invoke(this, candidates);
                break;
            case Key.Up or Key.Down when !UseHistory:
                return false;
            default:
                if (!Editor.HandleKey(key))
                    return false;
                break;
        }

        if (Editor.Text != before)
            TextChanged?.Invoke(this, Editor.Text);
        return true;
    }

    public override bool OnPaste(PasteEvent paste)
    {
        ArgumentNullException.ThrowIfNull(paste);
        Editor.Insert(paste.Text);
        TextChanged?.Invoke(this, Editor.Text);
        return true;
    }
}
