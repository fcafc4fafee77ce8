namespace TuiSupervisor.Toml;

/// <summary>Which of TOML's four date/time forms a value was written in.</summary>
public enum TomlDateTimeKind
{
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
}

/// <summary>
/// A date, time or both. The fields are kept as written (offset included) rather than converted to
/// an instant, so that a value can be written back exactly; <see cref="Nanosecond"/> keeps the
/// fraction at nanosecond resolution, truncated as TOML 1.0 asks.
/// </summary>
public sealed class TomlDateTime(
    TomlDateTimeKind kind,
    DateOnly date,
    TimeOnly timeToSecond,
    int nanosecond,
    TimeSpan? offset,
    TomlPosition position) : TomlValue(position)
{
    public TomlDateTimeKind Kind { get; } = kind;

    /// <summary>The date; <see cref="DateOnly.MinValue"/> for a local time.</summary>
    public DateOnly Date { get; } = date;

    /// <summary>Hour, minute and second; midnight for a local date.</summary>
    public TimeOnly TimeToSecond { get; } = timeToSecond;

    /// <summary>The fractional second in nanoseconds (0–999,999,999).</summary>
    public int Nanosecond { get; } = nanosecond;

    /// <summary>The UTC offset of an offset date-time (zero for <c>Z</c>), else null.</summary>
    public TimeSpan? Offset { get; } = offset;

    public override string TypeName => Kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "offset date-time",
        TomlDateTimeKind.LocalDateTime => "local date-time",
        TomlDateTimeKind.LocalDate => "local date",
        _ => "local time",
    };
}
