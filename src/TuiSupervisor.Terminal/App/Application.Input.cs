namespace TuiSupervisor.Terminal;

/// <summary>How input reaches the views.</summary>
public sealed partial class Application
{
    private void OnInput(ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        EnqueueInput(() => Decode(copy));
    }

    private void Decode(byte[] data)
    {
        _events.Clear();
        _decoder.Decode(data, _events);
        Dispatch();
        if (_decoder.PendingTimeout is { } timeout)
            _escapeTimer.Change(timeout, Timeout.InfiniteTimeSpan);
    }

    private void FlushPendingInput()
    {
        _events.Clear();
        _decoder.FlushExpired(_events);
        Dispatch();
        if (_decoder.PendingTimeout is { } timeout)
            _escapeTimer.Change(timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Input is assumed to change what is shown: every event is followed by a frame (views need not invalidate for it).</summary>
    private void Dispatch()
    {
        if (_events.Count > 0)
            Invalidate();
        foreach (var input in _events)
        {
            switch (input)
            {
                case KeyEvent key:
                    DispatchKey(key);
                    break;
                case PasteEvent paste:
                    Bubble(FocusPath(), v => v.OnPaste(paste));
                    break;
                case MouseEvent mouse:
                    DispatchMouse(mouse);
                    break;
            }
        }
    }

    private void DispatchKey(KeyEvent key)
    {
        if (Bubble(FocusPath(), v => v.OnKey(key)))
            return;
        if (_options.SuspendOnCtrlZ && key == KeyEvent.Ctrl('z'))
            _device.Suspend();
    }

    /// <summary>The views from the focused one out to the root (or to the top overlay, which is modal).</summary>
    private List<View> FocusPath()
    {
        var top = _overlays.Count > 0 ? _overlays[^1] : Root;
        var path = new List<View>();
        if (Focused is not null && FindPath(top, Focused, path))
        {
            path.Reverse();
            return path;
        }

        return [top];
    }

    private static bool FindPath(View from, View target, List<View> path)
    {
        if (!from.Visible)
            return false;
        path.Add(from);
        if (ReferenceEquals(from, target))
            return true;
        foreach (var child in from.Children)
        {
            if (FindPath(child, target, path))
                return true;
        }

        path.RemoveAt(path.Count - 1);
        return false;
    }

    private static bool Bubble(List<View> path, Func<View, bool> handler)
    {
        foreach (var view in path)
        {
            if (handler(view))
                return true;
        }

        return false;
    }

    private void DispatchMouse(MouseEvent mouse)
    {
        var top = _overlays.Count > 0 ? _overlays[^1] : Root;
        var path = new List<View>();
        HitPath(top, mouse.X, mouse.Y, path);
        path.Reverse();
        if (mouse.Action == MouseAction.Press && path.FirstOrDefault(v => v.CanFocus) is { } focusable)
            SetFocus(focusable);
        foreach (var view in path)
        {
            if (view.OnMouse(mouse with { X = mouse.X - view.Frame.X, Y = mouse.Y - view.Frame.Y }))
                return;
        }
    }

    /// <summary>The views under (x, y) from <paramref name="view"/> down to the front-most deepest one.</summary>
    private static void HitPath(View view, int x, int y, List<View> path)
    {
        if (!view.Visible || !view.Frame.Contains(x, y))
            return;
        path.Add(view);
        foreach (var child in view.Children.Reverse())
        {
            if (child.Visible && child.Frame.Contains(x, y))
            {
                HitPath(child, x, y, path);
                return;
            }
        }
    }
}
