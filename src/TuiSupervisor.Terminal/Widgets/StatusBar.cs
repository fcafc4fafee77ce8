namespace TuiSupervisor.Terminal;

/// <summary>
/// A one-row footer: key hints (<c>s start  x stop  ? help</c>) on the left, an optional
/// message on the right. Hints that do not fit whole are left out from the end; the message is
/// truncated before any hint is.
/// </summary>
public sealed class StatusBar(Theme? theme = null) : View
{
    private const int HintGap = 2;

    public Theme Theme { get; set; } = theme ?? Theme.Default;

    public IReadOnlyList<KeyHint> Hints { get; set; } = [];

    /// <summary>Shown at the right end (a mode, "following", an error).</summary>
    public string Message { get; set; } = "";

    /// <summary>The message's role (an error's, say); the bar's own by default.</summary>
    public string MessageRole { get; set; } = ThemeRoles.StatusBar;

    public override void Render(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var bar = Theme[ThemeRoles.StatusBar];
        var keyStyle = Theme[ThemeRoles.HintKey];
        var labelStyle = Theme[ThemeRoles.HintLabel];
        surface.Fill(new Rect(0, 0, surface.Width, 1), bar);

        var x = 1;
        var drawn = 0;
        foreach (var hint in Hints)
        {
            var width = CellWidth.Of(hint.Key) + 1 + CellWidth.Of(hint.Label);
            if (x + width > surface.Width)
                break;
            x += surface.Write(x, 0, hint.Key, keyStyle);
            x += surface.Write(x, 0, " ", bar);
            x += surface.Write(x, 0, hint.Label, labelStyle);
            x += HintGap;
            drawn++;
        }

        if (Message.Length == 0)
            return;
        var room = surface.Width - x - 1;
        if (drawn == 0)
            room = surface.Width - 2;
        if (room <= 0)
            return;
        var message = CellWidth.Truncate(Message, room);
        surface.Write(surface.Width - 1 - CellWidth.Of(message), 0, message, Theme[MessageRole].Over(bar));
    }
}
