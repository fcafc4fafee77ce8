namespace TuiSupervisor.Terminal;

/// <summary>Finds a search text in styled lines and lays a highlight over every match.</summary>
public static class Highlighter
{
    /// <summary>Smart case, as in less and vim: a needle with an upper-case letter matches case; otherwise case is ignored.</summary>
    public static StringComparison ComparisonFor(string needle)
    {
        ArgumentNullException.ThrowIfNull(needle);
        return needle.Any(char.IsUpper) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
    }

    public static bool Contains(StyledLine line, string needle)
    {
        ArgumentNullException.ThrowIfNull(line);
        return needle.Length > 0 && line.Text.Contains(needle, ComparisonFor(needle));
    }

    /// <summary>The line with <paramref name="highlight"/> laid over each match of <paramref name="needle"/> (the line itself when there is none).</summary>
    public static StyledLine Highlight(StyledLine line, string needle, Style highlight)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(needle);
        if (needle.Length == 0)
            return line;
        var text = line.Text;
        var comparison = ComparisonFor(needle);
        var first = text.IndexOf(needle, comparison);
        if (first < 0)
            return line;

        // Mark which characters are in a match, then cut the spans where that changes.
        var inMatch = new bool[text.Length];
        for (var at = first; at >= 0; at = text.IndexOf(needle, at + needle.Length, comparison))
            Array.Fill(inMatch, true, at, needle.Length);

        var spans = new List<StyledSpan>();
        var offset = 0;
        foreach (var span in line.Spans)
        {
            var start = 0;
            while (start < span.Text.Length)
            {
                var matched = inMatch[offset + start];
                var end = start + 1;
                while (end < span.Text.Length && inMatch[offset + end] == matched)
                    end++;
                spans.Add(new StyledSpan(span.Text[start..end], matched ? highlight.Over(span.Style) : span.Style));
                start = end;
            }

            offset += span.Text.Length;
        }

        return new StyledLine(spans);
    }
}
