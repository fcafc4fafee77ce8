using System.Globalization;

namespace TuiSupervisor.Terminal.TestHost;

/// <summary>Shows the terminal size and the last input; q quits, c throws.</summary>
internal sealed class EchoView : View
{
    private string _last = "none";
    private int _resizes;

    public Action? Quit { get; set; }

    public override bool CanFocus => true;

    public override void Layout(Rect frame)
    {
        base.Layout(frame);
        _resizes++;
    }

    public override void Render(Surface surface)
    {
        surface.Write(0, 0, string.Create(CultureInfo.InvariantCulture, $"ready {surface.Width}x{surface.Height} layouts {_resizes}"), new Style(Color.Green, Color.Default, TextAttributes.Bold));
        surface.Write(0, 1, "last: " + _last, Style.Default);
        surface.Write(0, surface.Height - 1, "q quit  c crash", new Style(Color.Black, Color.Cyan));
    }

    public override bool OnKey(KeyEvent key)
    {
        if (key == KeyEvent.Of('q'))
            Quit?.Invoke();
        if (key == KeyEvent.Of('c'))
            throw new InvalidOperationException("boom from the test host");
        if (key == KeyEvent.Ctrl('z'))
            return false; // The application suspends on it.
        _last = "key " + key;
        return true;
    }

    public override bool OnMouse(MouseEvent mouse)
    {
        _last = string.Create(CultureInfo.InvariantCulture, $"mouse {mouse.Action} {mouse.Button} {mouse.X},{mouse.Y}");
        return true;
    }

    public override bool OnPaste(PasteEvent paste)
    {
        _last = "paste " + paste.Text.Replace("\n", "|", StringComparison.Ordinal);
        return true;
    }
}
