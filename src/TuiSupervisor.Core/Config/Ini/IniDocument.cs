namespace TuiSupervisor.Core.Config.Ini;

/// <summary>Every section read from a config and the files it includes, in the order first seen.</summary>
internal sealed class IniDocument
{
    private readonly List<IniSection> _sections = [];

    public IReadOnlyList<IniSection> Sections => _sections;

    /// <summary>
    /// <c>[DEFAULT]</c>: ConfigParser's section whose keys every other section inherits (rarely
    /// used in supervisord configs, but read the same way).
    /// </summary>
    public IniSection? Defaults { get; private set; }

    /// <summary>Comments after the last key of the main file, kept for <c>convert</c>.</summary>
    public List<string> TrailingComments { get; } = [];

    public IniSection? Find(string name) => _sections.Find(s => s.Name == name);

    public IniSection Open(string name, IniPlace place)
    {
        if (name == "DEFAULT")
            return Defaults ??= new IniSection(name, place);
        var section = Find(name);
        if (section is null)
        {
            section = new IniSection(name, place);
            _sections.Add(section);
        }

        return section;
    }

    /// <summary>The entry for a key of a section, falling back to <c>[DEFAULT]</c>.</summary>
    public IniEntry? Get(IniSection section, string key) => section.Find(key) ?? Defaults?.Find(key);
}
