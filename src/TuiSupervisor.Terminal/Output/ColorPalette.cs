namespace TuiSupervisor.Terminal;

/// <summary>
/// Brings a colour down to what a <see cref="ColorMode"/> can show: the nearest entry of the
/// xterm palette by distance in RGB (weighted towards green, to which the eye is most sensitive).
/// </summary>
/// <remarks>The 16 basic colours use xterm's default values; the user's palette may differ, which is why a theme should name basic colours where it can.</remarks>
public static class ColorPalette
{
    private static readonly int[] Xterm256 = BuildPalette();

    /// <summary>The colour as <paramref name="mode"/> shows it (<see cref="Color.Default"/> under <see cref="ColorMode.None"/>).</summary>
    public static Color Downgrade(Color color, ColorMode mode)
    {
        if (color.IsDefault)
            return color;
        return mode switch
        {
            ColorMode.None => Color.Default,
            ColorMode.TrueColor => color,
            ColorMode.Indexed256 when color.Kind == ColorKind.Rgb => Color.Indexed(Nearest(color.Value, 16, 256)),
            ColorMode.Indexed256 => color,
            _ when color.Kind == ColorKind.Ansi => color,
            _ => Color.Ansi(Nearest(ToRgb(color), 0, 16)),
        };
    }

    /// <summary>The 0xRRGGBB value a colour stands for (basic colours at xterm's defaults).</summary>
    public static int ToRgb(Color color) => color.Kind switch
    {
        ColorKind.Rgb => color.Value,
        ColorKind.Ansi or ColorKind.Indexed => Xterm256[color.Value],
        _ => 0,
    };

    private static int Nearest(int rgb, int from, int to)
    {
        var best = from;
        var bestDistance = long.MaxValue;
        for (var i = from; i < to; i++)
        {
            var distance = Distance(rgb, Xterm256[i]);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static long Distance(int a, int b)
    {
        long dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        long dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        long db = (a & 0xff) - (b & 0xff);
        return (2 * dr * dr) + (4 * dg * dg) + (3 * db * db);
    }

    private static int[] BuildPalette()
    {
        var palette = new int[256];
        int[] basic =
        [
            0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
            0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
        ];
        basic.CopyTo(palette, 0);
        int[] levels = [0, 95, 135, 175, 215, 255];
        for (var i = 0; i < 216; i++)
            palette[16 + i] = (levels[i / 36] << 16) | (levels[(i / 6) % 6] << 8) | levels[i % 6];
        for (var i = 0; i < 24; i++)
        {
            var gray = 8 + (i * 10);
            palette[232 + i] = (gray << 16) | (gray << 8) | gray;
        }

        return palette;
    }
}
