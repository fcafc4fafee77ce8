namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// A <c>[name]</c> section. A header that repeats (in the same file or an included one) merges
/// into the first: its keys override, the others stay, as Python's ConfigParser does.
/// </summary>
internal sealed class IniSection(string name, IniPlace place)
{
    private readonly List<IniEntry> _entries = [];

    public string Name { get; } = name;

    /// <summary>Where the section was first opened.</summary>
    public IniPlace Place { get; } = place;

    public List<string> Comments { get; } = [];

    public IReadOnlyList<IniEntry> Entries => _entries;

    /// <summary>Keys are case-insensitive; ConfigParser stores them lower-cased.</summary>
    public IniEntry? Find(string key) => _entries.Find(e => e.Key == key);

    /// <summary>Sets a key; a repeated key replaces the earlier value in the earlier key's position.</summary>
    public void Set(IniEntry entry)
    {
        var index = _entries.FindIndex(e => e.Key == entry.Key);
        if (index < 0)
        {
            _entries.Add(entry);
            return;
        }

        var earlier = _entries[index];
        entry.Comments.InsertRange(0, earlier.Comments);
        if (entry.Place == earlier.Place)
            entry.InlineComment ??= earlier.InlineComment; // the same line read again
        _entries[index] = entry;
    }
}
