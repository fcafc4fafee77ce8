namespace TuiSupervisor.Terminal.Tests.Widgets;

/// <summary>Lays a view out at (0, 0) and draws it into a fresh buffer.</summary>
internal static class Draw
{
    public static CellBuffer View(View view, int width, int height)
    {
        var buffer = new CellBuffer(width, height);
        view.Layout(buffer.Bounds);
        view.Render(buffer.CreateSurface());
        return buffer;
    }

    public static string Text(View view, int width, int height) => View(view, width, height).ToString().TrimEnd('\n');
}
