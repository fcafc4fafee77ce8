namespace TuiSupervisor.Bench.Measurement;

/// <summary>
/// One line of the table: a figure measured for each subject and, when there is one, for the
/// machine's physical reference. <see cref="LowerIsBetter"/> decides how ratios read.
/// </summary>
internal sealed class FigureRow(string figure, string unit, string goal, bool lowerIsBetter = true)
{
    public string Figure => figure;

    public string Unit => unit;

    public string Goal => goal;

    public bool LowerIsBetter => lowerIsBetter;

    /// <summary>Subject name → its samples.</summary>
    public Dictionary<string, Samples> Values { get; } = [];

    /// <summary>Subject name → why there is no value (skipped, failed, not applicable).</summary>
    public Dictionary<string, string> Notes { get; } = [];

    public Samples? Reference { get; set; }

    /// <summary>Remarks printed under the table (e.g. "every byte in the log: yes").</summary>
    public List<string> Remarks { get; } = [];
}
