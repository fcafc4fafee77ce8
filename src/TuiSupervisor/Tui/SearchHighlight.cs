using System.Collections.Immutable;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui;

/// <summary>Marks every occurrence of a search term in a styled line (case-insensitive), keeping the line's own styles elsewhere.</summary>
internal static class SearchHighlight
{
    public static bool Contains(StyledLine line, string term) =>
        term.Length > 0 && line.Text.Contains(term, StringComparison.OrdinalIgnoreCase);

    public static StyledLine Mark(StyledLine line, string term, Style highlight)
    {
        if (!Contains(line, term))
            return line;
        var text = line.Text;
        var marked = new bool[text.Length];
        for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            Array.Fill(marked, true, at, term.Length);

        var spans = ImmutableArray.CreateBuilder<StyledSpan>();
        var offset = 0;
        foreach (var span in line.Spans)
        {
            var start = 0;
            while (start < span.Text.Length)
            {
                var on = marked[offset + start];
                var end = start;
                while (end < span.Text.Length && marked[offset + end] == on)
                    end++;
                spans.Add(new StyledSpan(span.Text[start..end], on ? highlight.Over(span.Style) : span.Style));
                start = end;
            }

            offset += span.Text.Length;
        }

        return new StyledLine(spans);
    }
}
