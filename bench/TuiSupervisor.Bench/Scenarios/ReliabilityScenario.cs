using System.Diagnostics;
using System.Globalization;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// The long form of the reliability suite's random-operations test: the same test CI runs in its
/// short form, with 10,000 operations (1,000 with --quick), through `dotnet test`.
/// </summary>
internal sealed class ReliabilityScenario(string repositoryRoot) : IScenario
{
    public string Name => "reliability";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var operations = context.Options.Quick ? 1000 : 10_000;
        var row = table.Add(new FigureRow($"reliability: {operations} random operations over 50 programs", "s", "invariants hold, nothing left"));
        var environment = new Dictionary<string, string> { ["TUISUPERVISOR_RELIABILITY_OPERATIONS"] = operations.ToString(CultureInfo.InvariantCulture) };
        var seed = Environment.GetEnvironmentVariable("TUISUPERVISOR_RELIABILITY_SEED");
        if (seed is not null)
            environment["TUISUPERVISOR_RELIABILITY_SEED"] = seed;
        var clock = Stopwatch.StartNew();
        var result = await Command.RunAsync("dotnet",
            ["test", Path.Combine(repositoryRoot, "tests", "TuiSupervisor.Core.Tests"), "-c", "Release", "--filter", "FullyQualifiedName~Reliability.RandomOperations", "--logger", "console;verbosity=normal"],
            TimeSpan.FromHours(3), environment).ConfigureAwait(false);
        row.Values["ours"] = new Samples([clock.Elapsed.TotalSeconds]);
        var passed = result.ExitCode == 0;
        row.Remarks.Add(passed ? "passed" : "FAILED (the seed is in the output below)");
        if (!passed)
            Console.Error.WriteLine(result.Stdout + result.Stderr);
    }
}
