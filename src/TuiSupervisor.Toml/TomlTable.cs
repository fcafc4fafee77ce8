using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace TuiSupervisor.Toml;

/// <summary>How a table came to exist; the parser needs this to reject redefinitions.</summary>
public enum TomlTableOrigin
{
    /// <summary>The document root.</summary>
    Root,

    /// <summary>Defined by a <c>[header]</c>.</summary>
    Header,

    /// <summary>Created on the way to a deeper header, e.g. <c>a</c> for <c>[a.b]</c>.</summary>
    Implicit,

    /// <summary>Created by a dotted key, e.g. <c>a</c> for <c>a.b = 1</c>.</summary>
    DottedKey,

    /// <summary>Written inline as <c>{ … }</c>; closed to later additions.</summary>
    Inline,

    /// <summary>An element of an array of tables (<c>[[name]]</c>).</summary>
    ArrayElement,
}

/// <summary>One key of a table: its name, where the key was written, and its value.</summary>
public sealed record TomlEntry(string Key, TomlPosition KeyPosition, TomlValue Value);

/// <summary>
/// A table that keeps its keys in document order, each with the position of the key itself
/// (for "unknown key" messages) besides the value's own position (for "wrong value" messages).
/// </summary>
public sealed class TomlTable(TomlPosition position, TomlTableOrigin origin) : TomlValue(position), IReadOnlyCollection<TomlEntry>
{
    private readonly List<TomlEntry> _entries = [];
    private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);

    public TomlTableOrigin Origin { get; internal set; } = origin;

    public override string TypeName => "table";

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public TomlValue this[string key] => _entries[_indexByKey[key]].Value;

    public bool ContainsKey(string key) => _indexByKey.ContainsKey(key);

    public bool TryGetEntry(string key, [NotNullWhen(true)] out TomlEntry? entry)
    {
        if (_indexByKey.TryGetValue(key, out var index))
        {
            entry = _entries[index];
            return true;
        }

        entry = null;
        return false;
    }

    /// <summary>Adds a key; the caller has checked that it is new.</summary>
    internal void Add(string key, TomlPosition keyPosition, TomlValue value)
    {
        _indexByKey.Add(key, _entries.Count);
        _entries.Add(new TomlEntry(key, keyPosition, value));
    }

    public IEnumerator<TomlEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
