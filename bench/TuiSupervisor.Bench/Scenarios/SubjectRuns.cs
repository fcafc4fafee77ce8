using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>Runs one measurement per subject, turning a skip or a failure into a note on the rows instead of ending the benchmark.</summary>
internal static class SubjectRuns
{
    /// <param name="measure">Returns one set of values per row, in the order of <paramref name="rows"/>.</param>
    public static async Task EachAsync(ScenarioContext context, IReadOnlyList<FigureRow> rows, Func<ISubject, Task<IReadOnlyList<IEnumerable<double>>>> measure)
    {
        foreach (var subject in context.Subjects)
        {
            ScenarioContext.Progress($"  {subject.Name}");
            var note = await TryAsync(async () =>
            {
                var values = await measure(subject).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                    rows[i].Values[subject.Name] = new Samples(values[i]);
            }).ConfigureAwait(false);
            if (note is not null)
            {
                foreach (var row in rows)
                    row.Notes[subject.Name] = note;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/>; null when it succeeded, else what to note.</summary>
    public static async Task<string?> TryAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
            return null;
        }
        catch (SkipException e)
        {
            return "skipped: " + e.Message;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or System.Text.Json.JsonException or FormatException)
        {
            ScenarioContext.Progress($"  failed: {e}");
            return "failed: " + e.Message.ReplaceLineEndings(" ");
        }
    }
}
