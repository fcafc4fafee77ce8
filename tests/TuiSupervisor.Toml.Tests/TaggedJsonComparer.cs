using System.Globalization;
using System.Text.Json;

namespace TuiSupervisor.Toml.Tests;

/// <summary>
/// Compares a parsed document with toml-test's expected tagged JSON by the suite's rules: same
/// keys, same array lengths, same scalar types, and values compared by meaning (floats as numbers
/// with NaN's sign ignored, date-times by value and offset date-times as instants).
/// </summary>
internal static class TaggedJsonComparer
{
    /// <summary>Null when they match, otherwise where and how they differ.</summary>
    public static string? FindDifference(JsonElement expected, TomlValue actual) => Compare(expected, actual, "$");

    private static string? Compare(JsonElement expected, TomlValue actual, string path)
    {
        if (IsScalar(expected))
        {
            return CompareScalar(expected.GetProperty("type").GetString()!, expected.GetProperty("value").GetString()!, actual, path);
        }

        return expected.ValueKind switch
        {
            JsonValueKind.Object when actual is TomlTable table => CompareTable(expected, table, path),
            JsonValueKind.Array when actual is TomlArray array => CompareArray(expected, array, path),
            _ => $"{path}: expected {expected.ValueKind}, got {actual.TypeName}",
        };
    }

    private static bool IsScalar(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.EnumerateObject().Count() == 2
        && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        && element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String;

    private static string? CompareTable(JsonElement expected, TomlTable actual, string path)
    {
        var expectedKeys = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var actualKeys = actual.Keys.Order(StringComparer.Ordinal).ToList();
        if (!expectedKeys.SequenceEqual(actualKeys))
        {
            return $"{path}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]";
        }

        return expected.EnumerateObject()
            .Select(property => Compare(property.Value, actual[property.Name], $"{path}.{property.Name}"))
            .FirstOrDefault(difference => difference is not null);
    }

    private static string? CompareArray(JsonElement expected, TomlArray actual, string path)
    {
        if (expected.GetArrayLength() != actual.Count)
        {
            return $"{path}: expected {expected.GetArrayLength()} elements, got {actual.Count}";
        }

        return expected.EnumerateArray()
            .Select((element, index) => Compare(element, actual[index], $"{path}[{index}]"))
            .FirstOrDefault(difference => difference is not null);
    }

    private static string? CompareScalar(string type, string text, TomlValue actual, string path)
    {
        var equal = (type, actual) switch
        {
            ("string", TomlString s) => s.Value == text,
            ("integer", TomlInteger i) => i.Value.ToString(CultureInfo.InvariantCulture) == text,
            ("bool", TomlBoolean b) => b.Value.ToString().Equals(text, StringComparison.OrdinalIgnoreCase),
            ("float", TomlFloat f) => FloatEquals(text, f.Value),
            ("datetime", TomlDateTime { Kind: TomlDateTimeKind.OffsetDateTime } d) => DateTimeEquals(text, d),
            ("datetime-local", TomlDateTime { Kind: TomlDateTimeKind.LocalDateTime } d) => DateTimeEquals(text, d),
            ("date-local", TomlDateTime { Kind: TomlDateTimeKind.LocalDate } d) => DateTimeEquals(text, d),
            ("time-local", TomlDateTime { Kind: TomlDateTimeKind.LocalTime } d) => DateTimeEquals(text, d),
            _ => false,
        };
        return equal ? null : $"{path}: expected {type} '{text}', got {Describe(actual)}";
    }

    private static bool FloatEquals(string expected, double actual)
    {
        var text = expected.ToLowerInvariant();
        if (text.EndsWith("nan", StringComparison.Ordinal))
        {
            return double.IsNaN(actual);
        }

        var value = text.TrimStart('+') switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return value == actual;
    }

    private static bool DateTimeEquals(string expected, TomlDateTime actual)
    {
        var parsed = ExpectedDateTime.Parse(expected, actual.Kind);
        if (actual.Kind != TomlDateTimeKind.OffsetDateTime)
        {
            return parsed.Date == actual.Date && parsed.Time == actual.TimeToSecond && parsed.Nanosecond == actual.Nanosecond;
        }

        return parsed.Nanosecond == actual.Nanosecond
            && parsed.Instant == new DateTimeOffset(actual.Date.ToDateTime(actual.TimeToSecond), actual.Offset!.Value);
    }

    private static string Describe(TomlValue value) => value switch
    {
        TomlString s => $"string '{s.Value}'",
        TomlInteger i => $"integer {i.Value}",
        TomlFloat f => $"float {f.Value.ToString("R", CultureInfo.InvariantCulture)}",
        TomlBoolean b => $"boolean {b.Value}",
        TomlDateTime d => $"{d.TypeName} {d.Date:yyyy-MM-dd} {d.TimeToSecond:HH:mm:ss} +{d.Nanosecond}ns offset {d.Offset}",
        _ => value.TypeName,
    };
}
