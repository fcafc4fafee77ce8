using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Terminal;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Tui.Themes;

/// <summary>
/// Reads a theme: <c>[roles]</c> with one inline table a role, <c>{ fg, bg, bold, dim, italic,
/// underline, reverse, strikethrough }</c>. Every problem is reported at once with its place,
/// as config errors are.
/// </summary>
internal static class ThemeFile
{
    private static readonly Dictionary<string, TextAttributes> Flags = new(StringComparer.Ordinal)
    {
        ["bold"] = TextAttributes.Bold,
        ["dim"] = TextAttributes.Dim,
        ["italic"] = TextAttributes.Italic,
        ["underline"] = TextAttributes.Underline,
        ["reverse"] = TextAttributes.Reverse,
        ["strikethrough"] = TextAttributes.Strikethrough,
    };

    public static (IReadOnlyDictionary<string, Style> Roles, IReadOnlyList<ConfigDiagnostic> Errors) Read(ReadOnlySpan<byte> utf8, string file)
    {
        var roles = new Dictionary<string, Style>(StringComparer.Ordinal);
        var errors = new List<ConfigDiagnostic>();
        void Error(TomlPosition at, string message) => errors.Add(ConfigDiagnostic.Error(file, at.Line, at.Column, message));

        if (!TomlDocument.TryParse(utf8, out var root, out var syntax))
            return (roles, [ConfigDiagnostic.Error(file, syntax.Position.Line, syntax.Position.Column, syntax.Message)]);
        foreach (var entry in root)
        {
            if (entry.Key is "name")
                continue;
            if (entry.Key != "roles" || entry.Value is not TomlTable table)
            {
                Error(entry.KeyPosition, $"unknown key '{entry.Key}' in a theme (it has 'name' and a [roles] table)");
                continue;
            }

            foreach (var role in table)
            {
                if (!TuiRoles.All.Contains(role.Key))
                    Error(role.KeyPosition, $"unknown role '{role.Key}'{Suggestions.DidYouMean(role.Key, TuiRoles.All)}");
                else if (role.Value is not TomlTable style)
                    Error(role.Value.Position, $"role '{role.Key}' must be a table like {{ fg = \"red\", bold = true }}, not {role.Value.TypeName}");
                else if (ReadStyle(role.Key, style, Error) is { } read)
                    roles[role.Key] = read;
            }
        }

        return (roles, errors);
    }

    private static Style? ReadStyle(string role, TomlTable table, Action<TomlPosition, string> error)
    {
        var style = Style.Default;
        var ok = true;
        foreach (var entry in table)
        {
            switch (entry.Key, entry.Value)
            {
                case ("fg" or "bg", TomlString { Value: var text }) when Color.TryParse(text, out var color):
                    style = entry.Key == "fg" ? style.WithForeground(color) : style.WithBackground(color);
                    break;
                case ("fg" or "bg", var value):
                    error(value.Position, $"'{entry.Key}' of role '{role}' must be a colour: \"default\", a name such as \"red\" or \"bright-blue\", \"0\"..\"255\" or \"#rrggbb\"");
                    ok = false;
                    break;
                case (var flag, TomlBoolean { Value: var on }) when Flags.TryGetValue(flag, out var attribute):
                    style = on ? style.Add(attribute) : style;
                    break;
                case (var flag, var value) when Flags.ContainsKey(flag):
                    error(value.Position, $"'{flag}' of role '{role}' must be true or false, not {value.TypeName}");
                    ok = false;
                    break;
                default:
                    error(entry.KeyPosition, $"unknown key '{entry.Key}' in role '{role}'{Suggestions.DidYouMean(entry.Key, ["fg", "bg", .. Flags.Keys])}");
                    ok = false;
                    break;
            }
        }

        return ok ? style : null;
    }
}
