namespace TuiSupervisor.Terminal;

/// <summary>Fixed styled lines (a header, a notice), drawn from the top, each cut at the right edge.</summary>
public sealed class Label(Theme? theme = null) : View
{
    public Theme Theme { get; set; } = theme ?? Theme.Default;

    public IReadOnlyList<StyledLine> Lines { get; set; } = [];

    /// <summary>The role the background and unstyled text are drawn in.</summary>
    public string Role { get; set; } = ThemeRoles.Normal;

    /// <summary>Replaces the lines with one plain line.</summary>
    public string Text
    {
        set => Lines = [StyledLine.Plain(value)];
    }

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var style = Theme[Role];
        surface.Fill(surface.Bounds, style);
        for (var y = 0; y < Lines.Count && y < surface.Height; y++)
            surface.Write(0, y, Lines[y], style);
    }
}
