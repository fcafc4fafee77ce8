using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;
using TuiSupervisor.Core.Tests.Lifecycle;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>The random-operations test's checker, shown to catch what it is for with real processes.</summary>
public sealed class EngineInvariantsTests
{
    [Fact]
    public async Task A_second_instance_in_a_session_the_engine_does_not_know_is_reported()
    {
        var mix = new ProgramMix(Guid.NewGuid().ToString("N"), count: 1);
        await using var engine = new RealEngine(mix.Toml());
        await engine.Supervisor.StartAutostartProgramsAsync();
        var running = engine.WaitForState("p00", ProcessState.Running);
        var snapshot = await engine.Supervisor.SnapshotAsync();
        Assert.Empty(EngineInvariants.Check(snapshot, MarkedProcess.Scan(mix.Marker), snapshot));

        using var orphans = new Orphans();
        var stray = orphans.Start($"env {ProgramMix.MarkerVariable}={mix.Marker} SUPERVISOR_PROCESS_NAME=p00 setsid sleep 1000");
        Poll.Until(() => MarkedProcess.Scan(mix.Marker).Any(p => p.Pid == stray), "the stray process to carry the marker");

        var violations = EngineInvariants.Check(snapshot, MarkedProcess.Scan(mix.Marker), snapshot);
        Assert.Contains($"p00 runs 2 instances: pids {string.Join(", ", new[] { running.Pid!.Value, stray }.Order())}", violations);
        Assert.Contains($"pid {stray} (p00) is in session {stray}, which the engine does not know", violations);
    }

    [Fact]
    public async Task A_running_process_that_is_gone_is_reported()
    {
        var mix = new ProgramMix(Guid.NewGuid().ToString("N"), count: 1);
        await using var engine = new RealEngine(mix.Toml());
        await engine.Supervisor.StartAutostartProgramsAsync();
        var running = engine.WaitForState("p00", ProcessState.Running);
        var snapshot = await engine.Supervisor.SnapshotAsync();

        var violations = EngineInvariants.Check(snapshot, [], snapshot);

        Assert.Equal([$"p00 is RUNNING as pid {running.Pid}, which is not alive"], violations);
    }
}
