namespace TuiSupervisor.Terminal;

/// <summary>A rectangle of cells; <see cref="Right"/> and <see cref="Bottom"/> are exclusive.</summary>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public static Rect Empty => default;

    public int Right => X + Width;

    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>The overlap of both rectangles (empty, at this one's origin, when none).</summary>
    public Rect Intersect(Rect other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        return right <= left || bottom <= top ? new Rect(left, top, 0, 0) : new Rect(left, top, right - left, bottom - top);
    }

    /// <summary>Shrinks by <paramref name="amount"/> on every side (a border's inside).</summary>
    public Rect Inset(int amount) => Inset(amount, amount);

    public Rect Inset(int horizontal, int vertical) =>
        new(X + horizontal, Y + vertical, Math.Max(0, Width - (2 * horizontal)), Math.Max(0, Height - (2 * vertical)));

    /// <summary>The top <paramref name="rows"/> rows (at most all of them).</summary>
    public Rect TakeTop(int rows) => this with { Height = Math.Clamp(rows, 0, Math.Max(0, Height)) };

    /// <summary>The bottom <paramref name="rows"/> rows (at most all of them).</summary>
    public Rect TakeBottom(int rows)
    {
        var taken = Math.Clamp(rows, 0, Math.Max(0, Height));
        return new Rect(X, Bottom - taken, Width, taken);
    }

    /// <summary>What is left below the top <paramref name="rows"/> rows.</summary>
    public Rect SkipTop(int rows)
    {
        var skipped = Math.Clamp(rows, 0, Math.Max(0, Height));
        return new Rect(X, Y + skipped, Width, Height - skipped);
    }

    /// <summary>What is left above the bottom <paramref name="rows"/> rows.</summary>
    public Rect SkipBottom(int rows) => this with { Height = Math.Max(0, Height - Math.Clamp(rows, 0, Math.Max(0, Height))) };

    /// <summary>A <paramref name="width"/>×<paramref name="height"/> rectangle centred in this one (clamped to fit).</summary>
    public Rect Centered(int width, int height)
    {
        var w = Math.Clamp(width, 0, Math.Max(0, Width));
        var h = Math.Clamp(height, 0, Math.Max(0, Height));
        return new Rect(X + ((Width - w) / 2), Y + ((Height - h) / 2), w, h);
    }
}
