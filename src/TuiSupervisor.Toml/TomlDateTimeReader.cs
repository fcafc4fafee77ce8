namespace TuiSupervisor.Toml;

/// <summary>
/// Reads the four RFC 3339 forms TOML allows: offset date-time, local date-time, local date and
/// local time. Every field is range-checked (including the days of each month) so that a value
/// that parses is one that <see cref="DateOnly"/> and <see cref="TimeOnly"/> can hold.
/// </summary>
internal static class TomlDateTimeReader
{
    private const int NanosecondDigits = 9;

    /// <summary>True when the text at the cursor starts like a date (<c>1979-</c>) or a time (<c>07:</c>).</summary>
    public static bool AtDateOrTime(TomlScanner scanner) =>
        (IsDigit(scanner.Peek()) && IsDigit(scanner.Peek(1)) && IsDigit(scanner.Peek(2)) && IsDigit(scanner.Peek(3))
            && scanner.Peek(4) == '-')
        || (IsDigit(scanner.Peek()) && IsDigit(scanner.Peek(1)) && scanner.Peek(2) == ':');

    public static TomlDateTime Read(TomlScanner scanner)
    {
        var position = scanner.Position;
        if (scanner.Peek(2) == ':')
        {
            var (localTime, fraction) = ReadTime(scanner);
            return new TomlDateTime(TomlDateTimeKind.LocalTime, DateOnly.MinValue, localTime, fraction, null, position);
        }

        var date = ReadDate(scanner);
        var separator = scanner.Peek();

        // A space only separates date and time when a time follows; otherwise it ends the value.
        if (separator is not ('T' or 't') && !(separator == ' ' && IsDigit(scanner.Peek(1))))
        {
            return new TomlDateTime(TomlDateTimeKind.LocalDate, date, TimeOnly.MinValue, 0, null, position);
        }

        scanner.Advance();
        var (time, nanosecond) = ReadTime(scanner);
        var offset = ReadOffset(scanner);
        var kind = offset is null ? TomlDateTimeKind.LocalDateTime : TomlDateTimeKind.OffsetDateTime;
        return new TomlDateTime(kind, date, time, nanosecond, offset, position);
    }

    private static DateOnly ReadDate(TomlScanner scanner)
    {
        var start = scanner.Position;
        var year = ReadField(scanner, 4, "year");
        scanner.Expect('-', "between year and month");
        var month = ReadField(scanner, 2, "month");
        scanner.Expect('-', "between month and day");
        var dayPosition = scanner.Position;
        var day = ReadField(scanner, 2, "day");
        if (year == 0)
        {
            throw TomlScanner.Error(start, "year 0000 is not supported; the earliest date is 0001-01-01");
        }

        if (month is < 1 or > 12)
        {
            throw TomlScanner.Error(start, $"month {month:00} is out of range (01 to 12)");
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            throw TomlScanner.Error(dayPosition, $"day {day:00} is out of range for {year:0000}-{month:00} (01 to {daysInMonth})");
        }

        return new DateOnly(year, month, day);
    }

    private static (TimeOnly Time, int Nanosecond) ReadTime(TomlScanner scanner)
    {
        var start = scanner.Position;
        var hour = ReadField(scanner, 2, "hour");
        scanner.Expect(':', "between hour and minute");
        var minute = ReadField(scanner, 2, "minute");
        scanner.Expect(':', "between minute and second (seconds are required)");
        var second = ReadField(scanner, 2, "second");
        if (hour > 23 || minute > 59)
        {
            throw TomlScanner.Error(start, $"time {hour:00}:{minute:00} is out of range (00:00 to 23:59)");
        }

        if (second > 59)
        {
            // RFC 3339 allows :60 for leap seconds, but neither TimeOnly nor DateTime can hold one.
            throw TomlScanner.Error(start, $"second {second:00} is out of range (00 to 59; leap seconds are not supported)");
        }

        var nanosecond = 0;
        if (scanner.Peek() == '.')
        {
            scanner.Advance();
            if (!IsDigit(scanner.Peek()))
            {
                throw scanner.Error($"expected a digit after '.' in the seconds, found {scanner.DescribeNext()}");
            }

            // TOML asks for digits beyond the supported precision to be truncated, not rounded.
            var digits = 0;
            for (; IsDigit(scanner.Peek()); scanner.Advance())
            {
                if (digits++ < NanosecondDigits)
                {
                    nanosecond = (nanosecond * 10) + (scanner.Peek() - '0');
                }
            }

            for (; digits < NanosecondDigits; digits++)
            {
                nanosecond *= 10;
            }
        }

        return (new TimeOnly(hour, minute, second), nanosecond);
    }

    private static TimeSpan? ReadOffset(TomlScanner scanner)
    {
        var c = scanner.Peek();
        if (c is 'Z' or 'z')
        {
            scanner.Advance();
            return TimeSpan.Zero;
        }

        if (c is not ('+' or '-'))
        {
            return null;
        }

        var start = scanner.Position;
        scanner.Advance();
        var hours = ReadField(scanner, 2, "offset hour");
        scanner.Expect(':', "between offset hour and minute");
        var minutes = ReadField(scanner, 2, "offset minute");
        if (hours > 23 || minutes > 59)
        {
            throw TomlScanner.Error(start, $"offset {(char)c}{hours:00}:{minutes:00} is out of range (00:00 to 23:59)");
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return c == '-' ? -offset : offset;
    }

    /// <summary>Reads a fixed number of digits: RFC 3339 fields are zero-padded, never shortened.</summary>
    private static int ReadField(TomlScanner scanner, int digits, string field)
    {
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            if (!IsDigit(scanner.Peek()))
            {
                throw scanner.Error($"expected a {digits}-digit {field}, found {scanner.DescribeNext()}");
            }

            value = (value * 10) + (scanner.Peek() - '0');
            scanner.Advance();
        }

        return value;
    }

    private static bool IsDigit(int c) => c is >= '0' and <= '9';
}
