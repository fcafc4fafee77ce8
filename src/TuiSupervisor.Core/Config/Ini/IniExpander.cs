using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// supervisord's expansion of a value: Python's <c>value % names</c>. Stricter than the TOML
/// reader's <see cref="Expansion"/> on purpose: any <c>%</c> that is neither <c>%%</c> nor
/// <c>%(name)…</c> rejects the file, as it does in supervisord (<c>%USER%</c> is an error there).
/// The substitution itself is <see cref="Expansion"/>'s.
/// </summary>
internal static class IniExpander
{
    private const string PythonConversions = "diouxXeEfFgGcrsa";

    public static bool TryExpand(string text, IReadOnlyDictionary<string, object> names, out string expanded, out string error)
    {
        expanded = text;
        if (!TryCheck(text, names, out error))
            return false;
        return Expansion.TryExpand(text, names, out expanded, out error);
    }

    private static bool TryCheck(string text, IReadOnlyDictionary<string, object> names, out string error)
    {
        error = "";
        var i = text.IndexOf('%', StringComparison.Ordinal);
        while (i >= 0)
        {
            if (i + 1 >= text.Length)
            {
                error = "a '%' ends the value: write '%%' for a percent sign";
                return false;
            }

            if (text[i + 1] == '%')
            {
                i = text.IndexOf('%', i + 2);
                continue;
            }

            if (text[i + 1] != '(')
            {
                error = $"'%{text[i + 1]}' at character {i + 1} is not an expansion: write '%%' for a percent sign, or '%(name)s'";
                return false;
            }

            var close = text.IndexOf(')', i + 2);
            if (close < 0)
            {
                error = $"'{text[i..]}' has no closing ')': expected '%(name)s'";
                return false;
            }

            var j = close + 1;
            while (j < text.Length && "#0- +".Contains(text[j], StringComparison.Ordinal))
                j++;
            var formatStart = j;
            while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] is '.' or 'h' or 'l' or 'L'))
                j++;
            var name = text[(i + 2)..close];
            if (j >= text.Length || !PythonConversions.Contains(text[j], StringComparison.Ordinal))
            {
                error = j >= text.Length
                    ? $"'%({name})' needs a conversion: expected '%({name})s' or '%({name})d'"
                    : $"'%({name}){text[formatStart..(j + 1)]}' has an unknown conversion '{text[j]}': expected '%({name})s' or '%({name})d'";
                return false;
            }

            var format = text[formatStart..j];
            if (format.Any(c => c is '.' or 'h' or 'l' or 'L') || !"sdixXo".Contains(text[j], StringComparison.Ordinal))
            {
                error = $"'{text[i..(j + 1)]}' is a Python format tuisupervisor does not read: use %(name)s, or %(name)d with a width such as %(name)02d";
                return false;
            }

            if (!names.ContainsKey(name))
            {
                error = name.StartsWith("ENV_", StringComparison.Ordinal)
                    ? $"'%({name})s': environment variable {name[4..]} is not set"
                    : $"unknown expansion '%({name})': expected one of {string.Join(", ", names.Keys.Where(k => !k.StartsWith("ENV_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))} or ENV_<variable>";
                return false;
            }

            i = text.IndexOf('%', j + 1);
        }

        return true;
    }
}
