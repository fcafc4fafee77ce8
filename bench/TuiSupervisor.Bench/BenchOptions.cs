using System.Globalization;

namespace TuiSupervisor.Bench;

/// <summary>The command line: <c>[--quick] [--only NAME[,NAME…]] [--soak-minutes N] [--product PATH] [--results DIR]</c>.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>The scenarios to run; empty means the six side-by-side ones.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public double SoakMinutes { get; init; } = 60;

    public required string Product { get; init; }

    public required string Results { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = new BenchOptions
        {
            Product = Path.Combine(repositoryRoot, "bench", "results", "publish", "tuisupervisor"),
            Results = Path.Combine(repositoryRoot, "bench", "results"),
        };
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with { Quick = true },
                "--only" => options with { Only = [.. options.Only, .. Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries)] },
                "--soak-minutes" => options with { SoakMinutes = Minutes(Value(args, ref i)) },
                "--product" => options with { Product = Path.GetFullPath(Value(args, ref i)) },
                "--results" => options with { Results = Path.GetFullPath(Value(args, ref i)) },
                var other => throw new ArgumentException($"unknown option '{other}'; usage: bench/run [--quick] [--only NAME[,NAME…]] [--soak-minutes N] [--product PATH] [--results DIR]"),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static double Minutes(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? minutes
            : throw new ArgumentException($"--soak-minutes must be a positive number of minutes, not '{text}'");
}
