namespace TuiSupervisor.Terminal;

/// <summary>
/// Applies the parameters of one SGR sequence (<c>ESC [ … m</c>) to a style: reset, bold, dim,
/// italic, underline, reverse, strikethrough and their offs, the 16 colours (30–37, 90–97,
/// 40–47, 100–107), 256 colours and truecolor in both the <c>38;5;n</c> and the
/// <c>38:2::r:g:b</c> spellings, 39/49 for the default colours. Unknown parameters are ignored.
/// </summary>
internal static class Sgr
{
    /// <param name="current">The style before the sequence.</param>
    /// <param name="reset">What parameter 0 (or an empty sequence) returns to.</param>
    /// <param name="values">The numbers (an empty parameter is 0).</param>
    /// <param name="isSub">Whether each number followed a ':' (a sub-parameter of the one before).</param>
    public static Style Apply(Style current, Style reset, ReadOnlySpan<int> values, ReadOnlySpan<bool> isSub)
    {
        if (values.IsEmpty)
            return reset;
        var style = current;
        var i = 0;
        while (i < values.Length)
        {
            var p = values[i];
            var subCount = 0;
            while (i + 1 + subCount < values.Length && isSub[i + 1 + subCount])
                subCount++;
            switch (p)
            {
                case 0: style = reset; break;
                case 1: style = style.Add(TextAttributes.Bold); break;
                case 2: style = style.Add(TextAttributes.Dim); break;
                case 3: style = style.Add(TextAttributes.Italic); break;
                case 4: style = subCount > 0 && values[i + 1] == 0 ? Remove(style, TextAttributes.Underline) : style.Add(TextAttributes.Underline); break;
                case 7: style = style.Add(TextAttributes.Reverse); break;
                case 9: style = style.Add(TextAttributes.Strikethrough); break;
                case 21: style = style.Add(TextAttributes.Underline); break;
                case 22: style = Remove(style, TextAttributes.Bold | TextAttributes.Dim); break;
                case 23: style = Remove(style, TextAttributes.Italic); break;
                case 24: style = Remove(style, TextAttributes.Underline); break;
                case 27: style = Remove(style, TextAttributes.Reverse); break;
                case 29: style = Remove(style, TextAttributes.Strikethrough); break;
                case >= 30 and <= 37: style = style.WithForeground(Color.Ansi(p - 30)); break;
                case 39: style = style.WithForeground(reset.Foreground); break;
                case >= 40 and <= 47: style = style.WithBackground(Color.Ansi(p - 40)); break;
                case 49: style = style.WithBackground(reset.Background); break;
                case >= 90 and <= 97: style = style.WithForeground(Color.Ansi(p - 90 + 8)); break;
                case >= 100 and <= 107: style = style.WithBackground(Color.Ansi(p - 100 + 8)); break;
                case 38 or 48:
                    {
                        var consumed = subCount > 0
                            ? ExtendedFromSubParameters(values.Slice(i + 1, subCount), out var color)
                            : ExtendedFromParameters(values[(i + 1)..], out color);
                        if (color is { } c)
                            style = p == 38 ? style.WithForeground(c) : style.WithBackground(c);
                        if (subCount == 0)
                            i += consumed;
                        break;
                    }
            }

            i += 1 + subCount;
        }

        return style;
    }

    private static Style Remove(Style style, TextAttributes attributes) => style.WithAttributes(style.Attributes & ~attributes);

    /// <summary><c>38;5;n</c> or <c>38;2;r;g;b</c>: returns how many parameters after 38 it took.</summary>
    private static int ExtendedFromParameters(ReadOnlySpan<int> rest, out Color? color)
    {
        color = null;
        if (rest.Length >= 2 && rest[0] == 5)
        {
            color = rest[1] is >= 0 and <= 255 ? Color.Indexed(rest[1]) : null;
            return 2;
        }

        if (rest.Length >= 4 && rest[0] == 2)
        {
            color = Rgb(rest[1], rest[2], rest[3]);
            return 4;
        }

        return rest.Length; // A malformed extended colour: the rest of the sequence is its garbage.
    }

    /// <summary><c>38:5:n</c>, <c>38:2:r:g:b</c> or <c>38:2:space:r:g:b</c> (ITU T.416).</summary>
    private static int ExtendedFromSubParameters(ReadOnlySpan<int> sub, out Color? color)
    {
        color = null;
        if (sub.Length >= 2 && sub[0] == 5 && sub[1] is >= 0 and <= 255)
            color = Color.Indexed(sub[1]);
        else if (sub.Length >= 4 && sub[0] == 2)
            color = Rgb(sub[^3], sub[^2], sub[^1]);
        return sub.Length;
    }

    private static Color? Rgb(int r, int g, int b) =>
        r is >= 0 and <= 255 && g is >= 0 and <= 255 && b is >= 0 and <= 255 ? Color.Rgb((byte)r, (byte)g, (byte)b) : null;
}
