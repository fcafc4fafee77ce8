using System.Diagnostics;
using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>
/// A status from another shell against a running supervisor, as an operator or a script asks for
/// it: ours `tuisupervisor ctl -c CONFIG status`, supervisord's `supervisorctl -c CONFIG status`,
/// pm2's `pm2 status`; from exec to exit, the client's start-up included (that is most of it).
/// </summary>
internal sealed class CtlScenario : IScenario
{
    public string Name => "ctl";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var roundTrip = table.Add(new FigureRow("status from another shell (ctl / supervisorctl / pm2 status)", "ms", "< ⅓ of supervisorctl"));
        var cpu = table.Add(new FigureRow("the same: the client's CPU time (user + system)", "ms", "–"));
        var first = table.Add(new FigureRow("the same, first one after the supervisor started", "ms", "–"));
        var repeats = context.Options.Quick ? 10 : 30;
        await SubjectRuns.EachAsync(context, [roundTrip, cpu, first], async subject =>
        {
            var folder = context.NewScratch($"ctl-{subject.Name}");
            var sleeper = new BenchProgram("sleeper", [context.Helper.Required, "sleep"]) { AutoRestart = false };
            var times = new List<double>();
            var cpuTimes = new List<double>();
            double firstTime;
            await using (var supervisor = await subject.StartAsync(folder, [sleeper]).ConfigureAwait(false))
            {
                await ScenarioContext.WaitAllRunningAsync(supervisor, 1, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
                (firstTime, _) = await TimeAsync(supervisor.StatusCommand).ConfigureAwait(false);
                for (var i = 0; i < repeats; i++)
                {
                    var (milliseconds, cpuMilliseconds) = await TimeAsync(supervisor.StatusCommand).ConfigureAwait(false);
                    times.Add(milliseconds);
                    cpuTimes.Add(cpuMilliseconds);
                }
            }

            ScenarioContext.RemoveScratch(folder);
            return [times, cpuTimes, [firstTime]];
        }).ConfigureAwait(false);
        roundTrip.Remarks.Add("from exec to exit of the client, one program RUNNING; the first call after start is the last row (ours: the engine's first reply)");
        cpu.Remarks.Add("getrusage(RUSAGE_CHILDREN) around each call: robust to other load, unlike wall-clock time; the engine's own work is not in it");
    }

    /// <summary>Runs the command once: wall-clock milliseconds, and the CPU milliseconds of the client (and whatever it waited for).</summary>
    private static async Task<(double Milliseconds, double CpuMilliseconds)> TimeAsync(ShellCommand command)
    {
        var cpuBefore = Tools.Posix.ReapedChildrenCpuSeconds();
        var start = Stopwatch.GetTimestamp();
        var result = await Tools.Command.RunAsync(command.Program, command.Arguments, TimeSpan.FromSeconds(60), command.Environment).ConfigureAwait(false);
        var milliseconds = ScenarioContext.MillisecondsSince(start);
        if (result.ExitCode != 0 || !result.Stdout.Contains("sleeper", StringComparison.Ordinal))
            throw new InvalidOperationException($"{command.Program} {string.Join(' ', command.Arguments)} exited {result.ExitCode}: {result.Stderr.Trim()} {result.Stdout.Trim()}");
        return (milliseconds, (Tools.Posix.ReapedChildrenCpuSeconds() - cpuBefore) * 1000);
    }
}
