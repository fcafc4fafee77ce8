using System.Globalization;
using System.Text.Json;
using TuiSupervisor.Toml;

namespace TomlDecoder;

/// <summary>
/// Writes a document in toml-test's tagged JSON: tables as objects, arrays as arrays, and every
/// scalar as <c>{"type": …, "value": "…"}</c> with the value as text.
/// </summary>
internal static class TaggedJson
{
    public static void Write(Utf8JsonWriter writer, TomlValue value)
    {
        switch (value)
        {
            case TomlTable table:
                writer.WriteStartObject();
                foreach (var entry in table)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case TomlArray array:
                writer.WriteStartArray();
                foreach (var element in array)
                {
                    Write(writer, element);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                writer.WriteString("type", TypeOf(value));
                writer.WriteString("value", Text(value));
                writer.WriteEndObject();
                break;
        }
    }

    private static string TypeOf(TomlValue value) => value switch
    {
        TomlString => "string",
        TomlInteger => "integer",
        TomlFloat => "float",
        TomlBoolean => "bool",
        TomlDateTime { Kind: TomlDateTimeKind.OffsetDateTime } => "datetime",
        TomlDateTime { Kind: TomlDateTimeKind.LocalDateTime } => "datetime-local",
        TomlDateTime { Kind: TomlDateTimeKind.LocalDate } => "date-local",
        TomlDateTime => "time-local",
        _ => throw new ArgumentException($"unexpected node {value.GetType().Name}", nameof(value)),
    };

    private static string Text(TomlValue value) => value switch
    {
        TomlString s => s.Value,
        TomlInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        TomlFloat f => FloatText(f.Value),
        TomlBoolean b => b.Value ? "true" : "false",
        TomlDateTime d => DateTimeText(d),
        _ => throw new ArgumentException($"unexpected node {value.GetType().Name}", nameof(value)),
    };

    private static string FloatText(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>RFC 3339: only the parts the kind has, the fraction only when it is not zero.</summary>
    private static string DateTimeText(TomlDateTime value)
    {
        var date = value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = value.TimeToSecond.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (value.Nanosecond != 0)
        {
            time += "." + value.Nanosecond.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return value.Kind switch
        {
            TomlDateTimeKind.LocalDate => date,
            TomlDateTimeKind.LocalTime => time,
            TomlDateTimeKind.LocalDateTime => $"{date}T{time}",
            _ => $"{date}T{time}{OffsetText(value.Offset.GetValueOrDefault())}",
        };
    }

    private static string OffsetText(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "Z";
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{offset.Duration():hh\\:mm}");
    }
}
