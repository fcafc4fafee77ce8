using System.Text;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// supervisord's <c>environment = KEY="value",KEY2=value2</c>, read exactly as its
/// <c>dict_of_key_value_pairs</c> does: Python's non-POSIX <c>shlex</c> cuts the text into tokens
/// (a quoted string with its quotes; a run of letters, digits and <c>_/.+-():</c>; or any other single
/// character; <c>#</c> comments out the rest of the line), the tokens are read as
/// <c>KEY = VALUE</c>, and one token after each triple is skipped whatever it is (normally the comma).
/// So <c>A=a b</c> is <c>{A: a}</c> and <c>A=$X</c> is <c>{A: $}</c>; <see cref="Lossy"/> says when
/// that happened, for <c>convert</c> to warn about.
/// </summary>
internal static class IniEnvironment
{
    private const string WordChars = "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+-():";

    public static bool TryParse(string text, out List<KeyValuePair<string, string>> pairs, out string error)
    {
        pairs = [];
        error = "";
        if (!TryTokenize(text, out var tokens, out error))
            return false;
        for (var i = 0; i < tokens.Count; i += 4)
        {
            if (i + 2 >= tokens.Count || tokens[i + 1] != "=")
            {
                error = $"cannot read KEY=value pairs from '{text}': it ends in the middle of a pair (quote values that hold characters other than letters, digits and _/.+-():)";
                return false;
            }

            var key = tokens[i];
            pairs.RemoveAll(p => p.Key == key);
            pairs.Add(new(key, tokens[i + 2].Trim('\'', '"')));
        }

        return true;
    }

    /// <summary>True when reading drops or cuts part of the text (a separator other than a comma, a value cut short).</summary>
    public static bool Lossy(string text)
    {
        if (!TryTokenize(text, out var tokens, out _))
            return false;
        for (var i = 3; i < tokens.Count; i += 4)
        {
            if (tokens[i] != ",")
                return true;
        }

        return false;
    }

    private static bool TryTokenize(string text, out List<string> tokens, out string error)
    {
        tokens = [];
        error = "";
        var token = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }
            else if (c == '#')
            {
                i = SkipLine(text, i);
            }
            else if (c is '\'' or '"')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    error = $"a quote in '{text}' is not closed";
                    return false;
                }

                tokens.Add(text[i..(close + 1)]);
                i = close + 1;
            }
            else if (WordChars.Contains(c, StringComparison.Ordinal))
            {
                token.Clear();
                while (i < text.Length)
                {
                    var d = text[i];
                    if (d == '#')
                    {
                        i = SkipLine(text, i);
                        continue;
                    }

                    if (!WordChars.Contains(d, StringComparison.Ordinal) && d is not ('\'' or '"'))
                        break;
                    token.Append(d);
                    i++;
                }

                tokens.Add(token.ToString());
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return true;
    }

    private static int SkipLine(string text, int from)
    {
        var newline = text.IndexOf('\n', from);
        return newline < 0 ? text.Length : newline + 1;
    }
}
