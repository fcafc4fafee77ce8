using System.Text;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// <c>convert</c>: writes a supervisord config as the equivalent TOML config, section by section
/// in the file's order, keeping each comment with the section or key it was written above (or
/// beside), and a <c># not carried over:</c> comment for every section and key the engine does
/// not implement. Typed values (numbers, booleans, signals) come from the config as read, so they
/// are exactly what the INI config means; strings keep their <c>%(…)s</c> expansions except those
/// TOML cannot resolve the same way (<c>ENV_</c> names set by the config itself, and <c>%(here)s</c>
/// and relative paths when the TOML file will not sit beside the INI file).
/// </summary>
internal sealed partial class IniToToml(IniDocument document, SupervisorConfig config, string mainFile, string? outputDirectory, IReadOnlyDictionary<string, string> environment)
{
    private readonly StringBuilder _toml = new();
    private readonly IniDocument _document = document;
    private readonly SupervisorConfig _config = config;
    private readonly string _mainFolder = Path.GetDirectoryName(mainFile)!;

    /// <summary>Paths stay as written only when the TOML file lands in the INI file's folder (relative paths mean the same there).</summary>
    private bool Relocating => outputDirectory is null || Path.GetFullPath(outputDirectory) != _mainFolder;

    public string Write()
    {
        Line($"# Converted from the supervisord config {Path.GetFileName(mainFile)} by 'tuisupervisor convert'.");
        Line("# Comments starting with 'not carried over' mark what tuisupervisor does not implement.");
        foreach (var section in _document.Sections)
        {
            Line("");
            if (section.Place.File != _document.Sections[0].Place.File)
                Line($"# from {section.Place.File}");
            foreach (var comment in section.Comments)
                Comment(comment);
            WriteSection(section);
        }

        if (_document.TrailingComments.Count > 0)
            Line("");
        foreach (var comment in _document.TrailingComments)
            Comment(comment);
        return _toml.ToString();
    }

    private void WriteSection(IniSection section)
    {
        var kind = section.Name.Split(':', 2)[0];
        var name = section.Name[(section.Name.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        switch (kind)
        {
            case "supervisord":
                Line("[supervisor]");
                new SupervisorKeys(this, section).Write();
                break;
            case "program" when _config.Programs.FirstOrDefault(p => p.Name == name) is { NumProcs: 0 }:
                NotCarriedSection(section, "numprocs = 0");
                break;
            case "program" when _config.Programs.FirstOrDefault(p => p.Name == name) is { } program:
                Line($"[programs.{TomlText.Key(name)}]");
                new ProgramKeys(this, section, program).Write();
                break;
            case "group" when _config.Groups.FirstOrDefault(g => g.Name == name) is { } group:
                Line($"[groups.{TomlText.Key(name)}]");
                WriteGroup(section, group);
                break;
            case "include":
                Line($"# [include] files = {_document.Get(section, "files")?.Value}: the sections of the included files follow, each marked with its file");
                break;
            default:
                NotCarriedSection(section, kind);
                break;
        }
    }

    private void WriteGroup(IniSection section, GroupConfig group)
    {
        foreach (var entry in Entries(section))
        {
            switch (entry.Key)
            {
                case "programs":
                    Key(entry, TomlText.Array(group.Programs.Select(TomlText.String)));
                    var dropped = IniValues.Strings(entry.Value).Where(m => !group.Programs.Contains(m)).ToList();
                    if (dropped.Count > 0)
                        NotCarried(entry, $"{string.Join(", ", dropped)}: FastCGI programs are not implemented");
                    break;
                case "priority":
                    Key(entry, TomlText.Integer(group.Priority));
                    break;
                default:
                    NotCarried(entry, "supervisord does not know this key either");
                    break;
            }
        }
    }

    private void NotCarriedSection(IniSection section, string kind)
    {
        var why = kind switch
        {
            "eventlistener" => "event listeners are not implemented",
            "fcgi-program" => "FastCGI programs are not implemented",
            "inet_http_server" or "unix_http_server" => "tuisupervisor's own control socket replaces it ('tuisupervisor ctl', 'attach')",
            "supervisorctl" => "use 'tuisupervisor ctl'",
            "rpcinterface" => "there is no XML-RPC interface",
            "ctlplugin" => "supervisorctl plugins are not loaded",
            "numprocs = 0" => "numprocs = 0 gives it no processes",
            _ => "supervisord does not know this section either",
        };
        Line($"# not carried over: [{section.Name}]: {why}");
        foreach (var entry in section.Entries)
        {
            foreach (var comment in entry.Comments)
                Comment(comment);
            foreach (var line in TomlText.Comment($"{entry.Key} = {entry.Value}"))
                Line(line);
        }
    }

    /// <summary>The section's keys, then the <c>[DEFAULT]</c> keys it inherits.</summary>
    private IEnumerable<IniEntry> Entries(IniSection section) =>
        section.Entries.Concat(_document.Defaults?.Entries.Where(d => section.Find(d.Key) is null) ?? []);

    private void Key(IniEntry entry, string tomlValue, string? note = null)
    {
        foreach (var comment in entry.Comments)
            Comment(comment);
        var inline = entry.InlineComment is { } c ? "  " + TomlText.Comment(c).First() : "";
        Line($"{TomlText.Key(entry.Key)} = {tomlValue}{inline}");
        if (note is not null)
        {
            foreach (var line in TomlText.Comment(note))
                Line(line);
        }
    }

    /// <summary>A typed value whose INI text held expansions: the TOML has the value as read, and says what was written.</summary>
    private void TypedKey(IniEntry entry, string tomlValue) =>
        Key(entry, tomlValue, entry.Value.Contains("%(", StringComparison.Ordinal) ? $"supervisord: {entry.Key}={entry.Value} (expanded when converted)" : null);

    private void NotCarried(IniEntry entry, string why)
    {
        foreach (var comment in entry.Comments)
            Comment(comment);
        foreach (var line in TomlText.Comment($"not carried over: {entry.Key} = {entry.Value}: {why}"))
            Line(line);
        if (entry.InlineComment is { } inline)
            Comment(inline);
    }

    private void Comment(string text)
    {
        foreach (var line in TomlText.Comment(text))
            Line(line);
    }

    private void Line(string text) => _toml.Append(text).Append('\n');

    /// <summary>
    /// A string value as TOML must write it to mean the same: <c>%(ENV_X)s</c> for a variable the
    /// config itself sets is replaced by its value (TOML's ENV_ names are the engine's environment
    /// only), and <c>%(here)s</c> by the INI file's folder when the TOML file goes elsewhere.
    /// </summary>
    private string Portable(string raw, IReadOnlyDictionary<string, string> configEnvironment)
    {
        var text = EnvReference().Replace(raw, m => configEnvironment.TryGetValue(m.Groups[1].Value, out var value) ? value.Replace("%", "%%", StringComparison.Ordinal) : m.Value);
        return Relocating ? text.Replace("%(here)s", _mainFolder.Replace("%", "%%", StringComparison.Ordinal), StringComparison.Ordinal) : text;
    }

    /// <summary>A path value: also absolute (against the INI file's folder) when the TOML file goes elsewhere.</summary>
    private string PortablePath(string raw, IReadOnlyDictionary<string, string> configEnvironment)
    {
        var path = Portable(raw.Trim(), configEnvironment);
        if ((path == "~" || path.StartsWith("~/", StringComparison.Ordinal)) && environment.TryGetValue("HOME", out var home))
            path = home + path[1..];
        if (!Relocating || StartsAbsolute(path, configEnvironment) || path.ToUpperInvariant() is "AUTO" or "NONE" or "OFF" or "SYSLOG")
            return path;
        return Path.Combine(_mainFolder, path);
    }

    /// <summary>Whether a path is absolute once expanded: written so, or starting with a variable whose value is.</summary>
    private bool StartsAbsolute(string path, IReadOnlyDictionary<string, string> configEnvironment)
    {
        if (path.StartsWith('/'))
            return true;
        var variable = EnvReference().Match(path);
        if (!variable.Success || variable.Index != 0)
            return false;
        var name = variable.Groups[1].Value;
        var value = configEnvironment.TryGetValue(name, out var set) ? set : environment.GetValueOrDefault(name, "");
        return value.StartsWith('/');
    }

    [GeneratedRegex(@"%\(ENV_([^)]*)\)s")]
    private static partial Regex EnvReference();
}
