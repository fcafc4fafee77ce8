using System.Globalization;

namespace TuiSupervisor.Toml.Tests;

/// <summary>
/// An RFC 3339 value from an expected JSON file, read independently of the parser under test so
/// that a bug in the parser's date reading cannot hide by appearing on both sides.
/// </summary>
internal sealed record ExpectedDateTime(DateOnly Date, TimeOnly Time, int Nanosecond, TimeSpan Offset)
{
    public DateTimeOffset Instant => new(Date.ToDateTime(Time), Offset);

    public static ExpectedDateTime Parse(string text, TomlDateTimeKind kind)
    {
        text = text.Replace('t', 'T').Replace(' ', 'T').Replace('z', 'Z');
        var date = DateOnly.MinValue;
        if (kind != TomlDateTimeKind.LocalTime)
        {
            date = DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            text = text.Length > 10 ? text[11..] : "";
        }

        if (kind == TomlDateTimeKind.LocalDate)
        {
            return new ExpectedDateTime(date, TimeOnly.MinValue, 0, TimeSpan.Zero);
        }

        var time = TimeOnly.ParseExact(text[..8], "HH:mm:ss", CultureInfo.InvariantCulture);
        var rest = text[8..];
        var nanosecond = 0;
        if (rest.StartsWith('.'))
        {
            var digits = new string(rest[1..].TakeWhile(char.IsAsciiDigit).ToArray());
            nanosecond = int.Parse(digits.PadRight(9, '0')[..9], CultureInfo.InvariantCulture);
            rest = rest[(1 + digits.Length)..];
        }

        var offset = rest switch
        {
            "" or "Z" => TimeSpan.Zero,
            _ => TimeSpan.ParseExact(rest[1..], @"hh\:mm", CultureInfo.InvariantCulture) * (rest[0] == '-' ? -1 : 1),
        };
        return new ExpectedDateTime(date, time, nanosecond, offset);
    }
}
