using System.Text;

namespace TuiSupervisor.Core.Config.Values;

/// <summary>
/// Splits a command string into arguments the way supervisord does (Python's <c>shlex.split</c>
/// in POSIX mode, no comments): whitespace separates, single quotes are literal, double quotes
/// allow backslash escapes of <c>\ " $ `</c> and newline, a backslash outside quotes escapes the
/// next character. No shell is involved: <c>|</c>, <c>&amp;&amp;</c> and <c>$VAR</c> are plain text.
/// </summary>
public static class CommandLine
{
    public static bool TrySplit(string command, out IReadOnlyList<string> arguments, out string error)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        var i = 0;
        arguments = result;
        error = "";
        while (i < command.Length)
        {
            var c = command[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                i++;
                continue;
            }

            inWord = true;
            switch (c)
            {
                case '\'':
                    var close = command.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        error = "No closing quotation";
                        return false;
                    }

                    current.Append(command, i + 1, close - i - 1);
                    i = close + 1;
                    break;
                case '"':
                    if (!TryReadDoubleQuoted(command, ref i, current))
                    {
                        error = "No closing quotation";
                        return false;
                    }

                    break;
                case '\\':
                    if (i + 1 >= command.Length)
                    {
                        error = "No escaped character";
                        return false;
                    }

                    current.Append(command[i + 1]);
                    i += 2;
                    break;
                default:
                    current.Append(c);
                    i++;
                    break;
            }
        }

        if (inWord)
            result.Add(current.ToString());
        return true;
    }

    /// <summary>Joins arguments back into a string that <see cref="TrySplit"/> reads as the same list.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c, StringComparison.Ordinal)))
            return argument;
        return "'" + argument.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
    }

    private static bool TryReadDoubleQuoted(string command, ref int i, StringBuilder current)
    {
        i++;
        while (i < command.Length)
        {
            var c = command[i];
            if (c == '"')
            {
                i++;
                return true;
            }

            if (c == '\\' && i + 1 < command.Length && command[i + 1] is '\\' or '"' or '$' or '`' or '\n')
            {
                current.Append(command[i + 1]);
                i += 2;
                continue;
            }

            current.Append(c);
            i++;
        }

        return false;
    }
}
