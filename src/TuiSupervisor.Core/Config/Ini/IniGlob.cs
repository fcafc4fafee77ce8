using System.Text;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Python's <c>glob.glob</c> for <c>[include] files</c>: <c>*</c>, <c>?</c> and <c>[…]</c> within
/// one path component; names starting with a dot match only a pattern that starts with one.
/// </summary>
internal static class IniGlob
{
    /// <summary>The existing paths matching an absolute <paramref name="pattern"/>, in no particular order.</summary>
    public static IReadOnlyList<string> Match(string pattern)
    {
        if (!HasMagic(pattern))
            return File.Exists(pattern) || Directory.Exists(pattern) ? [pattern] : [];

        var parts = pattern.Split('/');
        var found = new List<string> { parts[0].Length == 0 ? "/" : parts[0] };
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            var next = new List<string>();
            foreach (var directory in found)
            {
                if (part.Length == 0)
                {
                    next.Add(directory);
                    continue;
                }

                if (!HasMagic(part))
                {
                    var path = Path.Combine(directory, part);
                    if (last ? File.Exists(path) || Directory.Exists(path) : Directory.Exists(path))
                        next.Add(path);
                    continue;
                }

                next.AddRange(Children(directory, part));
            }

            found = next;
        }

        return found;
    }

    private static List<string> Children(string directory, string part)
    {
        if (!Directory.Exists(directory))
            return [];
        var regex = new Regex(Translate(part), RegexOptions.CultureInvariant);
        try
        {
            return Directory.EnumerateFileSystemEntries(directory)
                .Where(path => Path.GetFileName(path) is var name
                    && (!name.StartsWith('.') || part.StartsWith('.'))
                    && regex.IsMatch(name))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool HasMagic(string text) => text.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>fnmatch's translation of one component into an anchored regular expression.</summary>
    private static string Translate(string part)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var close = part.IndexOf(']', i + 2 <= part.Length ? i + 2 : part.Length);
                    if (close < 0)
                    {
                        regex.Append("\\[");
                        break;
                    }

                    var set = part[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal);
                    if (set.StartsWith('!'))
                        set = "^" + set[1..];
                    else if (set.StartsWith('^'))
                        set = "\\" + set;
                    regex.Append('[').Append(set).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
