using TuiSupervisor.Bench.Measurement;
using TuiSupervisor.Bench.Subjects;

namespace TuiSupervisor.Bench.Scenarios;

/// <summary>100 sleeping children: the supervisor's own CPU time over a quiet window (per minute) and its RSS.</summary>
internal sealed class IdleScenario : IScenario
{
    private const int Count = 100;

    public string Name => "idle";

    public async Task RunAsync(ScenarioContext context, ResultTable table)
    {
        var window = TimeSpan.FromSeconds(context.Options.Quick ? 15 : 60);
        var cpu = table.Add(new FigureRow($"idle CPU, {Count} sleeping children ({window.TotalSeconds:0} s window)", "s per minute", "≤ supervisord"));
        var rss = table.Add(new FigureRow($"RSS with {Count} sleeping children", "MiB", "≤ supervisord"));
        await SubjectRuns.EachAsync(context, [cpu, rss], async subject =>
        {
            var folder = context.NewScratch($"idle-{subject.Name}");
            var sleepers = new BenchProgram("sleeper", [context.Helper.Required, "sleep"]) { NumProcs = Count, AutoRestart = false };
            double cpuPerMinute, rssMiB;
            await using (var supervisor = await subject.StartAsync(folder, [sleepers]).ConfigureAwait(false))
            {
                await ScenarioContext.WaitAllRunningAsync(supervisor, Count, TimeSpan.FromMinutes(3)).ConfigureAwait(false);
                // Start-up work (JIT, spawning) finishes before the quiet window opens.
                await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
                var pid = supervisor.EnginePid;
                var before = ProcessProbe.CpuSeconds(pid);
                await Task.Delay(window).ConfigureAwait(false);
                cpuPerMinute = (ProcessProbe.CpuSeconds(pid) - before) * 60 / window.TotalSeconds;
                rssMiB = ProcessProbe.RssMiB(pid);
            }

            ScenarioContext.RemoveScratch(folder);
            return [[cpuPerMinute], [rssMiB]];
        }).ConfigureAwait(false);
        cpu.Remarks.Add("CPU is utime + stime of the supervisor's process (pm2: its daemon), read from /proc at 1/100 s resolution");
    }
}
