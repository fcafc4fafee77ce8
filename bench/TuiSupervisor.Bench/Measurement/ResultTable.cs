using System.Globalization;
using System.Text;

namespace TuiSupervisor.Bench.Measurement;

/// <summary>The benchmark's output: every figure with each subject's median and spread, and our ratios.</summary>
internal sealed class ResultTable(IReadOnlyList<string> subjects)
{
    private const string Ours = "ours";

    private readonly List<FigureRow> _rows = [];

    public FigureRow Add(FigureRow row)
    {
        _rows.Add(row);
        return row;
    }

    public string ToMarkdown()
    {
        var peers = subjects.Where(s => s != Ours).ToList();
        var text = new StringBuilder();
        var header = new List<string> { "figure" };
        header.AddRange(subjects);
        header.Add("reference");
        header.AddRange(peers.Select(p => $"ours ÷ {p}"));
        header.Add("ours ÷ reference");
        header.Add("goal");
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in _rows)
        {
            var cells = new List<string> { $"{row.Figure} ({row.Unit})" };
            cells.AddRange(subjects.Select(s => Cell(row, s)));
            cells.Add(row.Reference?.Format(Number) ?? "–");
            cells.AddRange(peers.Select(p => Ratio(row, row.Values.GetValueOrDefault(p))));
            cells.Add(Ratio(row, row.Reference));
            cells.Add(row.Goal);
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }

        var remarks = _rows.SelectMany(r => r.Remarks.Select(remark => $"- {r.Figure}: {remark}")).ToList();
        var notes = _rows.SelectMany(r => r.Notes.Select(n => $"- {r.Figure}, {n.Key}: {n.Value}")).ToList();
        if (remarks.Count + notes.Count > 0)
            text.AppendLine().AppendJoin('\n', remarks.Concat(notes)).AppendLine();
        return text.ToString();
    }

    private static string Cell(FigureRow row, string subject) =>
        row.Values.TryGetValue(subject, out var samples) ? samples.Format(Number) : row.Notes.ContainsKey(subject) ? "see note" : "–";

    private static string Ratio(FigureRow row, Samples? other) =>
        other is null || !row.Values.TryGetValue(Ours, out var ours) || other.Median == 0
            ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{ours.Median / other.Median:0.00}×");

    /// <summary>Three significant digits or so, whatever the magnitude.</summary>
    public static string Number(double value) => value switch
    {
        >= 100 or <= -100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 or <= -10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 0.1 or <= -0.1 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
