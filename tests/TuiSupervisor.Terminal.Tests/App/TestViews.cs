namespace TuiSupervisor.Terminal.Tests.App;

/// <summary>Draws a fixed text and records what reaches it.</summary>
internal sealed class LabelView(string text, bool canFocus = false) : View
{
    public string Text { get; set; } = text;

    public List<InputEvent> Received { get; } = [];

    public bool Handles { get; set; } = true;

    public override bool CanFocus => canFocus;

    public override void Render(Surface surface) => surface.Write(0, 0, (HasFocus ? "*" : "") + Text, Style.Default);

    public override bool OnKey(KeyEvent key)
    {
        Received.Add(key);
        return Handles;
    }

    public override bool OnMouse(MouseEvent mouse)
    {
        Received.Add(mouse);
        return Handles;
    }

    public override bool OnPaste(PasteEvent paste)
    {
        Received.Add(paste);
        return Handles;
    }
}

/// <summary>Two labels one above the other: top on row 0, bottom on the rest.</summary>
internal sealed class SplitView(View top, View bottom) : View
{
    public List<KeyEvent> Keys { get; } = [];

    public override IEnumerable<View> Children => [top, bottom];

    public override void Layout(Rect frame)
    {
        base.Layout(frame);
        top.Layout(frame.TakeTop(1));
        bottom.Layout(frame.SkipTop(1));
    }

    public override void Render(Surface surface)
    {
        RenderChild(surface, top);
        RenderChild(surface, bottom);
    }

    public override bool OnKey(KeyEvent key)
    {
        Keys.Add(key);
        return true;
    }
}
