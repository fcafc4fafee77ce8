using System.Globalization;

namespace TuiSupervisor.Bench.Measurement;

/// <summary>Repeated measurements of one figure, summarised as the median and the spread.</summary>
internal sealed class Samples(IEnumerable<double> values)
{
    private readonly double[] _sorted = [.. values.Order()];

    public int Count => _sorted.Length;

    public double Median => Percentile(50);

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    /// <summary>The nearest-rank percentile (p90 of 20 samples is the 18th).</summary>
    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
            throw new InvalidOperationException("no samples");
        if (percent == 50 && _sorted.Length % 2 == 0)
            return (_sorted[(_sorted.Length / 2) - 1] + _sorted[_sorted.Length / 2]) / 2;
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    /// <summary>"12.3 (10.1–15.0, n=3)", or just the value for a single sample.</summary>
    public string Format(Func<double, string> number) =>
        Count == 1 ? number(Median) : string.Create(CultureInfo.InvariantCulture, $"{number(Median)} ({number(Min)}–{number(Max)}, n={Count})");
}
