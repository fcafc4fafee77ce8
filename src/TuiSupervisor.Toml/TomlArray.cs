using System.Collections;

namespace TuiSupervisor.Toml;

/// <summary>An array value, or an array of tables (<c>[[name]]</c>).</summary>
public sealed class TomlArray(TomlPosition position, bool isArrayOfTables) : TomlValue(position), IReadOnlyList<TomlValue>
{
    private readonly List<TomlValue> _items = [];

    /// <summary>True when the array was built by <c>[[name]]</c> headers rather than written inline.</summary>
    public bool IsArrayOfTables { get; } = isArrayOfTables;

    public override string TypeName => "array";

    public int Count => _items.Count;

    public TomlValue this[int index] => _items[index];

    internal void Add(TomlValue item) => _items.Add(item);

    public IEnumerator<TomlValue> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
