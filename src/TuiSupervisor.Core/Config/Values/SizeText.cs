using System.Globalization;

namespace TuiSupervisor.Core.Config.Values;

/// <summary>
/// Byte sizes as supervisord writes them: a number of bytes, or a number with <c>KB</c>, <c>MB</c>
/// or <c>GB</c>, 1024-based (supervisord's <c>byte_size</c>). Units are case-insensitive.
/// </summary>
public static class SizeText
{
    public const string Expected = "a size: a number of bytes, or a string such as \"512KB\", \"50MB\", \"1GB\"";

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsAsciiLetter(trimmed[unitStart - 1]))
            unitStart--;
        var number = trimmed[..unitStart].TrimEnd();
        long multiplier = trimmed[unitStart..].ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" or "K" => 1024,
            "MB" or "M" => 1024 * 1024,
            "GB" or "G" => 1024L * 1024 * 1024,
            _ => 0,
        };
        if (multiplier == 0 || number.Length == 0)
            return false;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        var result = value * multiplier;
        if (result < 0 || result > long.MaxValue / 2)
            return false;
        bytes = (long)result;
        return true;
    }
}
