using TuiSupervisor.Core.Config.Binding;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Reads the values of one INI section as supervisord does: each value expanded with the names the
/// section allows, then converted to its type; a bad value is an error at the value, and every key
/// nobody asked for is reported as unknown at the end (a warning: supervisord ignores them).
/// </summary>
internal sealed class IniSectionReader(IniDocument document, IniSection section, IniDiagnostics diagnostics)
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public IniSection Section { get; } = section;

    public IniDiagnostics Diagnostics { get; } = diagnostics;

    public string Label => $"[{Section.Name}]";

    /// <summary>The entry of a key as written, marking it as known.</summary>
    public IniEntry? Entry(string key)
    {
        _asked.Add(key);
        return document.Get(Section, key);
    }

    /// <summary>The expanded value of a key, or null when absent or its expansion failed (reported).</summary>
    public string? Text(string key, IReadOnlyDictionary<string, object> names, int times = 1)
    {
        if (Entry(key) is not { } entry)
            return null;
        var value = entry.Value;
        for (var i = 0; i < times; i++)
        {
            if (!IniExpander.TryExpand(value, names, out value, out var error))
            {
                Error(entry, error);
                return null;
            }
        }

        return value;
    }

    /// <summary>A typed value: absent gives <paramref name="fallback"/>; invalid is reported and gives it too.</summary>
    public T Typed<T>(string key, IReadOnlyDictionary<string, object> names, T fallback, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = Text(key, names);
        if (text is null)
            return fallback;
        if (parse(text) is { } value)
            return value;
        Error(Entry(key)!, $"'{text}' is not {expected}");
        return fallback;
    }

    public bool Bool(string key, IReadOnlyDictionary<string, object> names, bool fallback) =>
        Typed(key, names, fallback, IniValues.Boolean, $"a boolean ({IniValues.BooleanWords})");

    public long Integer(string key, IReadOnlyDictionary<string, object> names, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        var value = Typed(key, names, fallback, IniValues.Integer, "an integer");
        if (value >= min && value <= max)
            return value;
        Error(Entry(key)!, $"{value} is out of range: expected {(max == long.MaxValue ? $"at least {min}" : $"{min} to {max}")}");
        return fallback;
    }

    public long Size(string key, IReadOnlyDictionary<string, object> names, long fallback)
    {
        var value = Typed(key, names, fallback, IniValues.ByteSize, "a size (bytes, or a number with KB, MB or GB)");
        if (value >= 0)
            return value;
        Error(Entry(key)!, $"{value} is negative: expected a size of 0 or more");
        return fallback;
    }

    public void Error(IniEntry entry, string message) =>
        Diagnostics.Error(entry.ValuePlace, $"'{entry.Key}' in {Label}: {message}");

    public void Warning(IniEntry entry, string message) =>
        Diagnostics.Warning(entry.Place, $"'{entry.Key}' in {Label}: {message}");

    /// <summary>Keys nobody asked for: supervisord ignores them, and so does the engine, but says so.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var entry in Section.Entries.Where(e => !_asked.Contains(e.Key)))
            Diagnostics.Warning(entry.Place, $"unknown key '{entry.Key}' in {Label} is ignored{Suggestions.DidYouMean(entry.Key, _asked)}");
    }
}
