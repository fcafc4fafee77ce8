using System.Buffers;
using System.Globalization;
using System.Text;

namespace TuiSupervisor.Toml;

/// <summary>One dot-separated part of a key as written, with where it was written.</summary>
internal readonly record struct TomlKeyPart(string Name, TomlPosition Position)
{
    private static readonly SearchValues<char> _bareKeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    /// <summary>How many characters at the start of <paramref name="text"/> may form a bare (unquoted) key.</summary>
    public static int BareLength(ReadOnlySpan<char> text)
    {
        var length = text.IndexOfAnyExcept(_bareKeyCharacters);
        return length < 0 ? text.Length : length;
    }

    /// <summary>The first <paramref name="count"/> parts as TOML would write them, for messages: <c>a."b c".d</c>.</summary>
    public static string Format(List<TomlKeyPart> key, int count = -1)
    {
        if (count < 0)
        {
            count = key.Count;
        }

        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }

            var name = key[i].Name;
            if (name.Length > 0 && BareLength(name) == name.Length)
            {
                text.Append(name);
            }
            else
            {
                AppendQuoted(text, name);
            }
        }

        return text.ToString();
    }

    private static void AppendQuoted(StringBuilder text, string name)
    {
        text.Append('"');
        foreach (var c in name)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (TomlScanner.IsForbiddenControl(c) || c == '\t')
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }
}
