using System.Collections.Immutable;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>An immutable line of styled spans (no newlines), as a log view or table cell shows it.</summary>
public sealed class StyledLine
{
    private string? _text;

    public StyledLine(IEnumerable<StyledSpan> spans)
        : this(spans.Where(s => s.Text.Length > 0).ToImmutableArray())
    {
    }

    private StyledLine(ImmutableArray<StyledSpan> spans)
    {
        Spans = spans;
        var width = 0;
        foreach (var span in spans)
            width += span.Width;
        Width = width;
    }

    private StyledLine(ImmutableArray<StyledSpan> spans, int width)
    {
        Spans = spans;
        Width = width;
    }

    public static StyledLine Empty { get; } = new(ImmutableArray<StyledSpan>.Empty);

    public ImmutableArray<StyledSpan> Spans { get; }

    /// <summary>Columns the whole line takes.</summary>
    public int Width { get; }

    /// <summary>The text without styles.</summary>
    public string Text => _text ??= Spans.Length switch
    {
        0 => "",
        1 => Spans[0].Text,
        _ => string.Concat(Spans.Select(s => s.Text)),
    };

    /// <summary>One span of <paramref name="text"/> in <paramref name="style"/>.</summary>
    public static StyledLine Plain(string text, Style style = default) =>
        string.IsNullOrEmpty(text) ? Empty : new StyledLine([new StyledSpan(text, style)]);

    /// <summary>Takes ownership of spans a parser has built (none empty).</summary>
    internal static StyledLine FromBuiltSpans(ImmutableArray<StyledSpan> spans) => spans.IsEmpty ? Empty : new StyledLine(spans);

    /// <summary>As <see cref="FromBuiltSpans(ImmutableArray{StyledSpan})"/> with the width the parser already measured.</summary>
    internal static StyledLine FromBuiltSpans(ImmutableArray<StyledSpan> spans, int width) => spans.IsEmpty ? Empty : new StyledLine(spans, width);

    public override string ToString() => Text;

    /// <summary>
    /// The line cut into pieces of at most <paramref name="width"/> columns each (wrapping; a wide
    /// character never splits). An empty line gives one empty piece.
    /// </summary>
    public IReadOnlyList<StyledLine> Wrap(int width)
    {
        if (width <= 0 || Width <= width)
            return [this];
        var pieces = new List<StyledLine>();
        var current = ImmutableArray.CreateBuilder<StyledSpan>();
        var run = new StringBuilder();
        var used = 0;
        foreach (var span in Spans)
        {
            var i = 0;
            while (i < span.Text.Length)
            {
                Rune.DecodeFromUtf16(span.Text.AsSpan(i), out var rune, out var length);
                var w = CellWidth.Of(rune);
                if (used + w > width && used > 0)
                {
                    Flush(current, run, span.Style);
                    pieces.Add(FromBuiltSpans(current.ToImmutable()));
                    current.Clear();
                    used = 0;
                }

                run.Append(span.Text, i, length);
                used += w;
                i += length;
            }

            Flush(current, run, span.Style);
        }

        if (current.Count > 0)
            pieces.Add(FromBuiltSpans(current.ToImmutable()));
        return pieces;

        static void Flush(ImmutableArray<StyledSpan>.Builder spans, StringBuilder run, Style style)
        {
            if (run.Length == 0)
                return;
            spans.Add(new StyledSpan(run.ToString(), style));
            run.Clear();
        }
    }
}
