using TuiSupervisor.Bench.Measurement;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>One scenario of the benchmark: it runs every subject and adds its figures to the table.</summary>
internal interface IScenario
{
    /// <summary>The name <c>--only</c> takes.</summary>
    string Name { get; }

    Task RunAsync(ScenarioContext context, ResultTable table);
}
