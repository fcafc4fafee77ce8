using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui.Themes;

/// <summary>
/// Finds a theme by name: a path to a <c>.toml</c> file, else <c>NAME.toml</c> in the config's
/// <c>themes/</c> folder or in <c>$XDG_CONFIG_HOME/tuisupervisor/themes</c> (an operator's own
/// or changed theme), else one of the themes built into the executable.
/// </summary>
internal static class ThemeCatalog
{
    public static IReadOnlyList<string> BuiltIn { get; } = ["default", "dark", "light", "high-contrast", "monochrome"];

    /// <summary>The theme, every role resolved, or the errors that stop it from being used.</summary>
    public static (Theme? Theme, IReadOnlyList<string> Errors) Load(string name, string? configDirectory, Func<string, string?> environment)
    {
        var (roles, errors) = LoadRoles(name, configDirectory, environment);
        return (roles is null ? null : TuiRoles.Resolve(name, roles), errors);
    }

    /// <summary>The roles the theme file sets, or the errors that stop it from being used.</summary>
    public static (IReadOnlyDictionary<string, Style>? Roles, IReadOnlyList<string> Errors) LoadRoles(string name, string? configDirectory, Func<string, string?> environment)
    {
        if (name.EndsWith(".toml", StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal))
            return FromFile(name);
        foreach (var folder in Folders(configDirectory, environment))
        {
            var path = Path.Combine(folder, name + ".toml");
            if (File.Exists(path))
                return FromFile(path);
        }

        using var stream = typeof(ThemeCatalog).Assembly.GetManifestResourceStream($"TuiSupervisor.themes.{name}.toml");
        if (stream is null)
            return (null, [$"unknown theme '{name}': the built-in themes are {string.Join(", ", BuiltIn)}; or give a path to a .toml file"]);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Checked(ThemeFile.Read(bytes.ToArray(), $"(built-in theme {name})"));
    }

    private static IEnumerable<string> Folders(string? configDirectory, Func<string, string?> environment)
    {
        if (configDirectory is not null)
            yield return Path.Combine(configDirectory, "themes");
        var xdg = environment("XDG_CONFIG_HOME") is { Length: > 0 } set ? set : Path.Combine(environment("HOME") ?? "/", ".config");
        yield return Path.Combine(xdg, "tuisupervisor", "themes");
    }

    private static (IReadOnlyDictionary<string, Style>? Roles, IReadOnlyList<string> Errors) FromFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [$"{path}: cannot read the theme: {e.Message}"]);
        }

        return Checked(ThemeFile.Read(bytes, path));
    }

    private static (IReadOnlyDictionary<string, Style>? Roles, IReadOnlyList<string> Errors) Checked((IReadOnlyDictionary<string, Style> Roles, IReadOnlyList<Core.Config.ConfigDiagnostic> Errors) read) =>
        read.Errors.Count == 0 ? (read.Roles, []) : (null, [.. read.Errors.Select(e => e.ToString())]);
}
