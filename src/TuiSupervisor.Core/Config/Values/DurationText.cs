using System.Globalization;

namespace TuiSupervisor.Core.Config.Values;

/// <summary>
/// Durations as the config writes them: a plain number of seconds, or a string of one or more
/// number-and-unit parts such as <c>"500ms"</c>, <c>"1.5s"</c>, <c>"2m"</c> or <c>"1h30m"</c>.
/// </summary>
public static class DurationText
{
    public const string Expected = "a duration: a number of seconds, or a string such as \"500ms\", \"10s\", \"5m\", \"1h\"";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text.Trim().AsSpan();
        if (rest.IsEmpty)
            return false;

        if (TryParseSeconds(rest, out duration))
            return true;

        var total = 0.0;
        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
                numberLength++;
            var unitLength = 0;
            while (numberLength + unitLength < rest.Length && char.IsAsciiLetter(rest[numberLength + unitLength]))
                unitLength++;
            if (numberLength == 0 || unitLength == 0)
                return false;
            if (!double.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            var unitSeconds = UnitSeconds(rest.Slice(numberLength, unitLength));
            if (unitSeconds is null)
                return false;
            total += number * unitSeconds.Value;
            rest = rest[(numberLength + unitLength)..];
        }

        return FromSeconds(total, out duration);
    }

    public static bool FromSeconds(double seconds, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (double.IsNaN(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            return false;
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryParseSeconds(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && FromSeconds(seconds, out duration);
    }

    private static double? UnitSeconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => 0.001,
        "s" or "sec" or "secs" => 1,
        "m" or "min" or "mins" => 60,
        "h" => 3600,
        _ => null,
    };
}
