using System.Globalization;

namespace TuiSupervisor.Terminal;

/// <summary>
/// A terminal colour: the default, one of the 16 basic colours, a 256-palette index or 24-bit RGB.
/// The renderer downgrades it to what the terminal supports (<see cref="ColorMode"/>).
/// </summary>
public readonly record struct Color
{
    private Color(ColorKind kind, int value)
    {
        Kind = kind;
        Value = value;
    }

    public ColorKind Kind { get; }

    /// <summary>The palette index (<see cref="ColorKind.Ansi"/>, <see cref="ColorKind.Indexed"/>) or 0xRRGGBB (<see cref="ColorKind.Rgb"/>).</summary>
    public int Value { get; }

    public static Color Default => default;

    public static Color Black => Ansi(0);
    public static Color Red => Ansi(1);
    public static Color Green => Ansi(2);
    public static Color Yellow => Ansi(3);
    public static Color Blue => Ansi(4);
    public static Color Magenta => Ansi(5);
    public static Color Cyan => Ansi(6);
    public static Color White => Ansi(7);
    public static Color BrightBlack => Ansi(8);
    public static Color BrightRed => Ansi(9);
    public static Color BrightGreen => Ansi(10);
    public static Color BrightYellow => Ansi(11);
    public static Color BrightBlue => Ansi(12);
    public static Color BrightMagenta => Ansi(13);
    public static Color BrightCyan => Ansi(14);
    public static Color BrightWhite => Ansi(15);

    public byte R => (byte)(Value >> 16);
    public byte G => (byte)(Value >> 8);
    public byte B => (byte)Value;

    public bool IsDefault => Kind == ColorKind.Default;

    /// <summary>One of the 16 basic colours: 0–7 normal, 8–15 bright.</summary>
    public static Color Ansi(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 15);
        return new Color(ColorKind.Ansi, index);
    }

    /// <summary>An xterm 256-colour palette entry; 0–15 are the basic colours and stay <see cref="ColorKind.Ansi"/>.</summary>
    public static Color Indexed(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 255);
        return index < 16 ? new Color(ColorKind.Ansi, index) : new Color(ColorKind.Indexed, index);
    }

    public static Color Rgb(byte r, byte g, byte b) => new(ColorKind.Rgb, (r << 16) | (g << 8) | b);

    /// <summary>
    /// Reads a colour as theme files write it: <c>default</c>, a basic colour's name
    /// (<c>red</c>, <c>bright-red</c>, <c>brightred</c>, <c>bright_red</c>, <c>gray</c> = bright black),
    /// <c>#rrggbb</c>, or a palette index <c>0</c>..<c>255</c>. Case is ignored.
    /// </summary>
    public static bool TryParse(string? text, out Color color)
    {
        color = Default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        if (s.StartsWith('#'))
            return TryParseHex(s.AsSpan(1), out color);
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            if (index > 255)
                return false;
            color = Indexed(index);
            return true;
        }

        var name = s.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (name == "default")
            return true;
        var bright = name.StartsWith("bright", StringComparison.Ordinal);
        var baseName = bright ? name["bright".Length..] : name;
        var basic = Array.IndexOf(BasicNames, baseName);
        if (basic >= 0)
        {
            color = Ansi(bright ? basic + 8 : basic);
            return true;
        }

        if (name is "gray" or "grey")
        {
            color = BrightBlack;
            return true;
        }

        return false;
    }

    /// <summary>The text <see cref="TryParse"/> reads back.</summary>
    public override string ToString() => Kind switch
    {
        ColorKind.Default => "default",
        ColorKind.Ansi => Value < 8 ? BasicNames[Value] : "bright-" + BasicNames[Value - 8],
        ColorKind.Indexed => Value.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"#{Value:x6}"),
    };

    private static readonly string[] BasicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];

    private static bool TryParseHex(ReadOnlySpan<char> hex, out Color color)
    {
        color = Default;
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
            return false;
        color = new Color(ColorKind.Rgb, rgb);
        return true;
    }
}
