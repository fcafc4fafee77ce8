namespace TuiSupervisor.Terminal;

/// <summary>
/// A border with a title around one child view; the border takes <see cref="ThemeRoles.BorderFocused"/>
/// while the child has the focus, so the user sees where the keys go.
/// </summary>
public sealed class Panel(View content, Theme? theme = null) : View
{
    public View Content { get; } = content ?? throw new ArgumentNullException(nameof(content));

    public Theme Theme { get; set; } = theme ?? Theme.Default;

    public string Title { get; set; } = "";

    public override IEnumerable<View> Children => [Content];

    public override void Layout(Rect frame)
    {
        base.Layout(frame);
        Content.Layout(frame.Inset(1));
    }

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var role = Content.HasFocus ? ThemeRoles.BorderFocused : ThemeRoles.Border;
        surface.DrawBorder(surface.Bounds, Theme[role], Title);
        RenderChild(surface, Content);
    }
}
