using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TuiSupervisor.Core.Config.Values;

/// <summary>
/// An immutable string map, ordered by key, that compares by content (see <see cref="EquatableArray{T}"/>
/// for why). Used for environments.
/// </summary>
public sealed class EquatableMap : IEquatable<EquatableMap>, IReadOnlyDictionary<string, string>
{
    private readonly ImmutableSortedDictionary<string, string> _items;

    public EquatableMap(IEnumerable<KeyValuePair<string, string>> items)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
            builder[key] = value;
        _items = builder.ToImmutable();
    }

    public static EquatableMap Empty { get; } = new([]);

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<string> Values => _items.Values;

    public string this[string key] => _items[key];

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _items.TryGetValue(key, out value);

    /// <summary>This map with <paramref name="overrides"/> laid over it (later wins).</summary>
    public EquatableMap Merge(IEnumerable<KeyValuePair<string, string>> overrides) => new(_items.Concat(overrides));

    public bool Equals(EquatableMap? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as EquatableMap);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _items)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
