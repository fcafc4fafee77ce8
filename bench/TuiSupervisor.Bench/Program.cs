using System.Globalization;
using TuiSupervisor.Bench;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Scenarios;
using TuiSupervisor.Bench.Subjects;
using TuiSupervisor.Bench.Tools;

// The side-by-side benchmark (bench/README.md): runs each scenario on our published build,
// supervisord and pm2, and prints one table with medians, spreads and our ratios.

var root = RepositoryRoot.Find();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, root);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 2;
}

IScenario[] sideBySide =
[
    new RespawnScenario(), new SpawnScenario(), new StopAllScenario(), new LogThroughputScenario(), new IdleScenario(), new StartupScenario(), new CtlScenario(),
];
IScenario[] onRequest = [new SoakScenario(), new NoNewlineScenario(), new ReliabilityScenario(root), new TuiScenario()];
var known = sideBySide.Concat(onRequest).ToDictionary(s => s.Name);
var unknown = options.Only.Where(name => !known.ContainsKey(name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"bench: unknown scenario {string.Join(", ", unknown)}; known: {string.Join(", ", known.Keys)}");
    return 2;
}

var scenarios = options.Only.Count == 0 ? sideBySide : [.. options.Only.Select(name => known[name])];
Directory.CreateDirectory(options.Results);
var helper = await BenchHelper.BuildAsync(options.Results);
ISubject[] subjects = [new Ours(options.Product), new Supervisord(), new Pm2()];
var available = subjects.Where(s => s.Unavailable is null).ToList();
foreach (var subject in subjects.Where(s => s.Unavailable is not null))
    Console.Error.WriteLine($"bench: skipping {subject.Name}: {subject.Unavailable}");
if (available.All(s => s.Name != "ours"))
{
    Console.Error.WriteLine($"bench: {subjects[0].Unavailable}");
    return 2;
}

var context = new ScenarioContext(options, available, helper, options.Results);
var table = new ResultTable([.. available.Select(s => s.Name)]);
var file = Path.Combine(options.Results, string.Create(CultureInfo.InvariantCulture, $"bench-{DateTime.Now:yyyyMMdd-HHmmss}.md"));
var report = "";
foreach (var scenario in scenarios)
{
    ScenarioContext.Progress($"scenario {scenario.Name}");
    await scenario.RunAsync(context, table);
    // Written after every scenario, so a long run stopped half-way keeps what it measured.
    var machine = $"{Environment.ProcessorCount} cores, load average {LoadAverage.Now()} at the end";
    report = string.Create(CultureInfo.InvariantCulture,
        $"Measured {DateTime.Now:yyyy-MM-dd HH:mm} ({(options.Quick ? "--quick" : "full")}; {machine}).\n\n{table.ToMarkdown()}");
    await File.WriteAllTextAsync(file, report);
}

Console.WriteLine(report);
Console.Error.WriteLine($"bench: table written to {file}");
return 0;
