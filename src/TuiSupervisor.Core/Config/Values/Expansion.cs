using System.Globalization;
using System.Text;

namespace TuiSupervisor.Core.Config.Values;

/// <summary>
/// supervisord's <c>%(name)s</c> expansions, with Python's printf-style flags and width
/// (<c>%(process_num)02d</c>). <c>%%</c> is a literal percent. Unlike supervisord, a <c>%</c> that
/// starts neither form is kept as it is, so TOML users can write <c>date +%T</c>; the INI reader
/// keeps supervisord's strictness itself.
/// </summary>
public static class Expansion
{
    /// <summary>Expands every <c>%(…)</c> in <paramref name="text"/>; on failure says why.</summary>
    public static bool TryExpand(
        string text,
        IReadOnlyDictionary<string, object> values,
        out string expanded,
        out string error)
    {
        expanded = text;
        error = "";
        if (!text.Contains('%', StringComparison.Ordinal))
            return true;

        var output = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '%' || i + 1 >= text.Length)
            {
                output.Append(c);
                i++;
                continue;
            }

            if (text[i + 1] == '%')
            {
                output.Append('%');
                i += 2;
                continue;
            }

            if (text[i + 1] != '(')
            {
                output.Append(c);
                i++;
                continue;
            }

            if (!TryExpandOne(text, ref i, values, output, out error))
                return false;
        }

        expanded = output.ToString();
        return true;
    }

    private static bool TryExpandOne(
        string text,
        ref int i,
        IReadOnlyDictionary<string, object> values,
        StringBuilder output,
        out string error)
    {
        error = "";
        var close = text.IndexOf(')', i + 2);
        if (close < 0)
        {
            error = $"unclosed expansion '{text[i..]}': expected '%(name)s'";
            return false;
        }

        var name = text[(i + 2)..close];
        var j = close + 1;
        var flagsStart = j;
        while (j < text.Length && text[j] is '-' or '0' or ' ' or '+' or '#')
            j++;
        var flags = text[flagsStart..j];
        var widthStart = j;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
            j++;
        var width = j > widthStart ? int.Parse(text.AsSpan(widthStart, j - widthStart), CultureInfo.InvariantCulture) : 0;
        if (j >= text.Length || text[j] is not ('s' or 'd' or 'i' or 'x' or 'X' or 'o'))
        {
            error = $"expansion '%({name})' needs a conversion: expected '%({name})s' or '%({name})d'";
            return false;
        }

        var conversion = text[j];
        if (!values.TryGetValue(name, out var value))
        {
            error = name.StartsWith("ENV_", StringComparison.Ordinal)
                ? $"'%({name})s': environment variable {name[4..]} is not set"
                : $"unknown expansion '%({name})': expected one of {string.Join(", ", values.Keys.Where(k => !k.StartsWith("ENV_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))} or ENV_<variable>";
            return false;
        }

        if (!TryConvert(value, conversion, out var converted))
        {
            error = $"'%({name}){conversion}' needs a number, but {name} is '{value}'";
            return false;
        }

        output.Append(Pad(converted, width, flags));
        i = j + 1;
        return true;
    }

    private static bool TryConvert(object value, char conversion, out string converted)
    {
        converted = "";
        if (conversion == 's')
        {
            converted = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            return true;
        }

        if (value is not int number)
            return false;
        converted = conversion switch
        {
            'x' => number.ToString("x", CultureInfo.InvariantCulture),
            'X' => number.ToString("X", CultureInfo.InvariantCulture),
            'o' => Convert.ToString(number, 8),
            _ => number.ToString(CultureInfo.InvariantCulture),
        };
        return true;
    }

    private static string Pad(string text, int width, string flags)
    {
        if (text.Length >= width)
            return text;
        if (flags.Contains('-', StringComparison.Ordinal))
            return text.PadRight(width);
        if (flags.Contains('0', StringComparison.Ordinal) && text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-'))
        {
            var negative = text[0] == '-';
            var digits = negative ? text[1..] : text;
            return (negative ? "-" : "") + digits.PadLeft(width - (negative ? 1 : 0), '0');
        }

        return text.PadLeft(width);
    }
}
