using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>
/// Reads typed values out of one table, reporting a wrong type or value at the value's position,
/// and remembering which keys were asked for so that everything else can be reported as unknown
/// (with a suggestion) at the end.
/// </summary>
internal sealed class SectionReader(TomlTable table, string sectionName, Diagnostics diagnostics)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public TomlTable Table { get; } = table;

    public string SectionName { get; } = sectionName;

    public Diagnostics Diagnostics { get; } = diagnostics;

    /// <summary>The entry for <paramref name="key"/> or one of its aliases; both at once is an error.</summary>
    public TomlEntry? Take(string key, params string[] aliases)
    {
        _known.Add(key);
        Table.TryGetEntry(key, out var found);
        foreach (var alias in aliases)
        {
            _known.Add(alias);
            if (!Table.TryGetEntry(alias, out var aliased))
                continue;
            if (found is not null)
            {
                Diagnostics.Error(aliased.KeyPosition, $"'{alias}' is an alias of '{found.Key}' in {SectionName}: give only one of them");
                continue;
            }

            found = aliased;
        }

        return found;
    }

    /// <summary>Marks keys as handled elsewhere (e.g. sub-tables read by another reader).</summary>
    public void Accept(params string[] keys) => _known.UnionWith(keys);

    public string? String(string key, params string[] aliases) => StringNode(key, aliases)?.Value;

    /// <summary>A string with its position, for values expanded or checked later.</summary>
    public TomlString? StringNode(string key, params string[] aliases)
    {
        var entry = Take(key, aliases);
        if (entry is null)
            return null;
        if (entry.Value is TomlString text)
            return text;
        WrongType(entry, "a string");
        return null;
    }

    public bool? Bool(string key, params string[] aliases)
    {
        var entry = Take(key, aliases);
        if (entry is null)
            return null;
        if (entry.Value is TomlBoolean flag)
            return flag.Value;
        WrongType(entry, "true or false");
        return null;
    }

    public int? Int(string key, int min, int max, params string[] aliases)
    {
        var entry = Take(key, aliases);
        if (entry is null)
            return null;
        if (entry.Value is not TomlInteger number)
        {
            WrongType(entry, "an integer");
            return null;
        }

        if (number.Value < min || number.Value > max)
        {
            Diagnostics.Error(entry.Value.Position, $"'{entry.Key}' in {SectionName} must be {Range(min, max)}, not {number.Value}");
            return null;
        }

        return (int)number.Value;
    }

    public double? Number(string key, double min, double max)
    {
        var entry = Take(key);
        if (entry is null)
            return null;
        double? value = entry.Value switch
        {
            TomlInteger i => i.Value,
            TomlFloat f => f.Value,
            _ => null,
        };
        if (value is null)
        {
            WrongType(entry, "a number");
            return null;
        }

        if (!(value >= min && value <= max))
        {
            Diagnostics.Error(entry.Value.Position, $"'{entry.Key}' in {SectionName} must be between {min} and {max}, not {value}");
            return null;
        }

        return value;
    }

    public TimeSpan? Duration(string key, params string[] aliases)
    {
        var entry = Take(key, aliases);
        if (entry is null)
            return null;
        var ok = false;
        var duration = TimeSpan.Zero;
        switch (entry.Value)
        {
            case TomlInteger i:
                ok = DurationText.FromSeconds(i.Value, out duration);
                break;
            case TomlFloat f:
                ok = DurationText.FromSeconds(f.Value, out duration);
                break;
            case TomlString s:
                ok = DurationText.TryParse(s.Value, out duration);
                break;
        }

        if (ok)
            return duration;
        BadValue(entry, DurationText.Expected);
        return null;
    }

    public long? Size(string key, params string[] aliases)
    {
        var entry = Take(key, aliases);
        if (entry is null)
            return null;
        switch (entry.Value)
        {
            case TomlInteger { Value: >= 0 } i:
                return i.Value;
            case TomlString s when SizeText.TryParse(s.Value, out var bytes):
                return bytes;
        }

        BadValue(entry, SizeText.Expected);
        return null;
    }

    /// <summary>A table of string values, such as <c>environment</c>.</summary>
    public List<KeyValuePair<string, TomlString>>? StringTable(string key, params string[] aliases)
    {
        var entry = Take(key, aliases);
        if (entry is null)
            return null;
        if (entry.Value is not TomlTable map)
        {
            WrongType(entry, "a table of strings, e.g. { NAME = \"value\" }");
            return null;
        }

        var result = new List<KeyValuePair<string, TomlString>>();
        foreach (var item in map)
        {
            if (item.Value is TomlString text)
                result.Add(new(item.Key, text));
            else
                Diagnostics.Error(item.Value.Position, $"'{entry.Key}.{item.Key}' in {SectionName} must be a string, not {Describe(item.Value)}");
        }

        return result;
    }

    /// <summary>A string array; a single string is accepted as a one-element array.</summary>
    public List<TomlString>? StringList(string key, params string[] aliases)
    {
        var entry = Take(key, aliases);
        if (entry is null)
            return null;
        if (entry.Value is TomlString single)
            return [single];
        if (entry.Value is not TomlArray array || array.Any(v => v is not TomlString))
        {
            WrongType(entry, "an array of strings");
            return null;
        }

        return [.. array.Cast<TomlString>()];
    }

    /// <summary>One of a fixed set of words (case-insensitive).</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var entry = Take(key);
        if (entry is null)
            return null;
        if (entry.Value is TomlString text && choices.TryGetValue(text.Value.ToLowerInvariant(), out var choice))
            return choice;
        BadValue(entry, "one of " + string.Join(", ", choices.Keys.Select(k => $"\"{k}\"")));
        return null;
    }

    /// <summary>Reports every key of the table that no reader asked for.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var entry in Table)
        {
            if (!_known.Contains(entry.Key))
                Diagnostics.Error(entry.KeyPosition, $"unknown key '{entry.Key}' in {SectionName}{Suggestions.DidYouMean(entry.Key, _known)}");
        }
    }

    public void WrongType(TomlEntry entry, string expected) =>
        Diagnostics.Error(entry.Value.Position, $"'{entry.Key}' in {SectionName} must be {expected}, not {Describe(entry.Value)}");

    public void BadValue(TomlEntry entry, string expected) =>
        Diagnostics.Error(entry.Value.Position, $"invalid value {Describe(entry.Value)} for '{entry.Key}' in {SectionName}: expected {expected}");

    /// <summary>A short description of a value for messages: <c>string "abc"</c>, <c>integer -1</c>, <c>table</c>.</summary>
    public static string Describe(TomlValue value) => value switch
    {
        TomlString s => $"string \"{(s.Value.Length > 40 ? s.Value[..40] + "…" : s.Value)}\"",
        TomlInteger i => $"integer {i.Value}",
        TomlFloat f => $"float {f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        TomlBoolean b => b.Value ? "boolean true" : "boolean false",
        _ => value.TypeName,
    };

    private static string Range(int min, int max) => max == int.MaxValue
        ? $"at least {min}"
        : $"between {min} and {max}";
}
