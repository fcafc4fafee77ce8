namespace TuiSupervisor.Terminal;

/// <summary>
/// A modal question in a centred box: <c>y</c> (or Enter) answers yes, <c>n</c> (or Escape) no.
/// Shown as an overlay; the answer closes it and is passed to the callback.
/// </summary>
public sealed class ConfirmDialog : View
{
    private const int MaxBoxWidth = 70;
    private readonly Action<bool> _answered;

    public ConfirmDialog(string title, string message, Action<bool> answered, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(answered);
        Title = title;
        Message = message;
        _answered = answered;
        Theme = theme ?? Theme.Default;
    }

    public string Title { get; }

    public string Message { get; }

    public Theme Theme { get; set; }

    /// <summary>The box, in screen coordinates, where the last frame drew it.</summary>
    public Rect Box { get; private set; }

    public override bool CanFocus => true;

    /// <summary>Shows the question over <paramref name="app"/>'s screen; <paramref name="answered"/> gets the answer after the dialog closed.</summary>
    public static ConfirmDialog Show(Application app, string title, string message, Action<bool> answered, Theme? theme = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ConfirmDialog? dialog = null;
        dialog = new ConfirmDialog(title, message, yes =>
        {
            app.CloseOverlay(dialog!);
            answered(yes);
        }, theme);
        app.ShowOverlay(dialog);
        return dialog;
    }

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var inner = Math.Min(MaxBoxWidth, surface.Width - 4);
        if (inner < 4)
            return;
        var lines = Message.Split('\n').SelectMany(l => StyledLine.Plain(l).Wrap(inner)).Select(l => l.Text).ToList();
        const string Buttons = "[y] Yes   [n] No";
        var width = Math.Min(inner, Math.Max(Math.Max(CellWidth.Of(Title) + 2, CellWidth.Of(Buttons)), lines.Count == 0 ? 0 : lines.Max(l => CellWidth.Of(l))));
        var box = surface.Bounds.Centered(width + 4, lines.Count + 4);
        Box = box with { X = box.X + Frame.X, Y = box.Y + Frame.Y };
        var style = Theme[ThemeRoles.Dialog];
        surface.Fill(box, style);
        surface.DrawBorder(box, Theme[ThemeRoles.DialogBorder], Title);
        for (var i = 0; i < lines.Count && i < box.Height - 4; i++)
            surface.Write(box.X + 2, box.Y + 1 + i, lines[i], style);
        surface.Write(box.X + 2 + ((width - CellWidth.Of(Buttons)) / 2), box.Bottom - 2, Buttons, Theme[ThemeRoles.Title]);
    }

    public override bool OnKey(KeyEvent key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Key == Key.Enter || key == KeyEvent.Of('y') || key == KeyEvent.Of('Y'))
            _answered(true);
        else if (key.Key == Key.Escape || key == KeyEvent.Of('n') || key == KeyEvent.Of('N'))
            _answered(false);
        return true;
    }

    /// <summary>Modal: clicks outside the box do nothing.</summary>
    public override bool OnMouse(MouseEvent mouse) => true;
}
