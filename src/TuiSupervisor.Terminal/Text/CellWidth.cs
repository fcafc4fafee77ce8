using System.Globalization;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// How many terminal columns text takes (wcwidth): East Asian Wide and Fullwidth characters and
/// emoji shown as pictures take 2, combining marks and other zero-width characters 0, control
/// characters 0 (they are never drawn: <see cref="Surface"/> replaces them), everything else 1.
/// </summary>
/// <remarks>
/// The Basic Multilingual Plane is answered from a 64 KiB table computed once (immutable after
/// the type initialiser, so tests running in parallel share it safely); the rare characters above
/// it by a binary search over <see cref="WideRanges"/>. A text element of several runes (an emoji
/// joined by ZWJ, a flag) is measured rune by rune, as most terminals lay it out.
/// </remarks>
public static class CellWidth
{
    /// <summary>What <see cref="Truncate"/> appends by default.</summary>
    public const string Ellipsis = "…";

    /// <summary>Columns taken by one rune: 0, 1 or 2.</summary>
    public static int Of(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x10000)
            return Bmp[value];
        if (IsInRanges(value, WideRanges))
            return 2;
        return IsZeroWidth(rune) ? 0 : 1;
    }

    /// <summary>Columns taken by a text; an unpaired surrogate counts as U+FFFD (1 column).</summary>
    public static int Of(ReadOnlySpan<char> text)
    {
        var width = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x7f && c >= 0x20)
            {
                width++;
                i++;
                continue;
            }

            Rune.DecodeFromUtf16(text[i..], out var rune, out var used);
            width += Of(rune);
            i += used;
        }

        return width;
    }

    /// <summary>
    /// The text cut to at most <paramref name="maxWidth"/> columns; when it is cut, the
    /// <paramref name="ellipsis"/> takes the last column(s). A wide character that does not fit
    /// whole is left out.
    /// </summary>
    public static string Truncate(string text, int maxWidth, string ellipsis = Ellipsis)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ellipsis);
        if (maxWidth <= 0)
            return "";
        if (Of(text) <= maxWidth)
            return text;
        var ellipsisWidth = Of(ellipsis);
        if (ellipsisWidth > maxWidth)
            return Take(text, maxWidth, out _);
        return Take(text, maxWidth - ellipsisWidth, out _) + ellipsis;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="maxWidth"/> columns, zero-width marks included with their base.</summary>
    public static string Take(string text, int maxWidth, out int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        width = 0;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            var w = Of(rune);
            if (width + w > maxWidth)
                break;
            width += w;
            i += used;
        }

        return text[..i];
    }

    /// <summary>The text padded with spaces on the right to <paramref name="width"/> columns, or truncated with an ellipsis when longer.</summary>
    public static string PadRight(string text, int width) => Fit(text, width, TextAlignment.Left);

    /// <summary>The text padded with spaces on the left to <paramref name="width"/> columns, or truncated with an ellipsis when longer.</summary>
    public static string PadLeft(string text, int width) => Fit(text, width, TextAlignment.Right);

    /// <summary>Exactly <paramref name="width"/> columns: truncated with an ellipsis, or padded as <paramref name="alignment"/> says.</summary>
    public static string Fit(string text, int width, TextAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (width <= 0)
            return "";
        var cut = Truncate(text, width);
        var gap = width - Of(cut);
        if (gap <= 0)
            return cut;
        return alignment switch
        {
            TextAlignment.Right => new string(' ', gap) + cut,
            TextAlignment.Center => new string(' ', gap / 2) + cut + new string(' ', gap - (gap / 2)),
            _ => cut + new string(' ', gap),
        };
    }

    private static byte[] BuildBmpTable()
    {
        var table = new byte[0x10000];
        for (var c = 0; c < table.Length; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
                table[c] = 1;
            else if (IsInRanges(c, WideRanges))
                table[c] = 2;
            else
                table[c] = IsZeroWidth(new Rune(c)) ? (byte)0 : (byte)1;
        }

        return table;
    }

    private static bool IsZeroWidth(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x20 || value is >= 0x7f and < 0xa0)
            return true;
        if (value == 0xad)
            return false; // Soft hyphen: terminals show it (wcwidth says 1).
        if (value is >= 0x1160 and <= 0x11ff or 0x200b)
            return true; // Hangul medial vowels and final consonants join the preceding syllable.
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }

    private static bool IsInRanges(int value, int[] ranges)
    {
        if (value < ranges[0])
            return false;
        int lo = 0, hi = (ranges.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (value < ranges[mid * 2])
                hi = mid - 1;
            else if (value > ranges[(mid * 2) + 1])
                lo = mid + 1;
            else
                return true;
        }

        return false;
    }

    /// <summary>
    /// Inclusive pairs of East Asian Wide (W) and Fullwidth (F) code points, Unicode 15.1, which
    /// include the emoji with default emoji presentation.
    /// </summary>
    private static readonly int[] WideRanges =
    [
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x2E99,
        0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFF, 0x3000, 0x303E, 0x3041, 0x3096, 0x3099, 0x30FF,
        0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E3, 0x31EF, 0x321E, 0x3220, 0x3247, 0x3250, 0x4DBF,
        0x4E00, 0xA48C, 0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19,
        0xFE30, 0xFE52, 0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6,
        0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18D00, 0x18D08,
        0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132,
        0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1F004, 0x1F004,
        0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B,
        0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335,
        0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0,
        0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D,
        0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4,
        0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7,
        0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0,
        0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA88,
        0x1FA90, 0x1FABD, 0x1FABF, 0x1FAC5, 0x1FACE, 0x1FADB, 0x1FAE0, 0x1FAE8, 0x1FAF0, 0x1FAF8,
        0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    ];

    // Declared after WideRanges: static fields are initialised in textual order.
    private static readonly byte[] Bmp = BuildBmpTable();
}
