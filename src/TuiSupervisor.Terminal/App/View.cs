namespace TuiSupervisor.Terminal;

/// <summary>
/// Something drawn on the screen that may take input. A parent lays out its children by calling
/// their <see cref="Layout"/> with a rectangle in screen coordinates, and draws them with
/// <see cref="RenderChild"/>. A view draws only into the <see cref="Surface"/> it is given,
/// whose (0, 0) is its own top-left corner; mouse events arrive in the same local coordinates.
/// </summary>
/// <remarks>
/// Views belong to the UI thread: the application calls every method here on it. Code on other
/// threads calls <see cref="Application.Post"/> and <see cref="Application.Invalidate"/>.
/// </remarks>
public abstract class View
{
    /// <summary>Where the view is, in screen coordinates (set by <see cref="Layout"/>).</summary>
    public Rect Frame { get; private set; }

    /// <summary>Hidden views are neither drawn nor hit by the mouse nor focused.</summary>
    public bool Visible { get; set; } = true;

    /// <summary>Whether the view takes keys when focused (tables, logs, inputs).</summary>
    public virtual bool CanFocus => false;

    public bool HasFocus { get; private set; }

    /// <summary>The views inside this one, front-most last (mouse hits and focus order follow it).</summary>
    public virtual IEnumerable<View> Children => [];

    /// <summary>Places the view; override to place children too (call the base first).</summary>
    public virtual void Layout(Rect frame) => Frame = frame;

    /// <summary>Draws the view into <paramref name="surface"/> (its own area, already cleared to the background).</summary>
    public abstract void Render(Surface surface);

    /// <summary>A key for the focused view, then for each view around it up to the root; true when handled.</summary>
    public virtual bool OnKey(KeyEvent key) => false;

    /// <summary>A mouse event in local coordinates; true when handled (otherwise the parent gets it).</summary>
    public virtual bool OnMouse(MouseEvent mouse) => false;

    /// <summary>Pasted text, for the focused view and then those around it.</summary>
    public virtual bool OnPaste(PasteEvent paste) => false;

    /// <summary>Called after <see cref="HasFocus"/> changed.</summary>
    protected virtual void OnFocusChanged()
    {
    }

    /// <summary>Draws <paramref name="child"/> into the part of this view's <paramref name="surface"/> that its frame covers.</summary>
    protected void RenderChild(Surface surface, View child)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(child);
        if (!child.Visible || child.Frame.IsEmpty)
            return;
        child.Render(surface.Clip(child.Frame with { X = child.Frame.X - Frame.X, Y = child.Frame.Y - Frame.Y }));
    }

    internal void SetFocus(bool focused)
    {
        if (HasFocus == focused)
            return;
        HasFocus = focused;
        OnFocusChanged();
    }
}
