using System.Globalization;
using System.Text;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>TOML spellings for what <c>convert</c> writes: keys, strings, comments.</summary>
internal static class TomlText
{
    /// <summary>A key as written in TOML: bare when it can be, else a quoted string.</summary>
    public static string Key(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : String(key);

    /// <summary>A basic string with every character TOML requires escaped.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                default:
                    if (char.IsControl(c))
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Array(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    public static string InlineTable(IEnumerable<KeyValuePair<string, string>> pairs) =>
        "{ " + string.Join(", ", pairs.Select(p => $"{Key(p.Key)} = {String(p.Value)}")) + " }";

    /// <summary>One comment line per line of <paramref name="text"/>, with no character TOML forbids in comments.</summary>
    public static IEnumerable<string> Comment(string text) =>
        text.Split('\n').Select(line => new string([.. line.Select(c => char.IsControl(c) && c != '\t' ? ' ' : c)]))
            .Select(line => (line.StartsWith(' ') ? "#" + line : "# " + line).TrimEnd());
}
