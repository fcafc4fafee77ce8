using TuiSupervisor.Core.Engine;
using static TuiSupervisor.Core.Engine.ProcessState;

namespace TuiSupervisor.Core.Tests.Engine;

public class HealthAndDependencyTransitionsTests
{
    private static MachineDriver RunningProcess()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartSecs = TimeSpan.Zero }));
        driver.Start();
        Assert.Equal(Running, driver.State);
        return driver;
    }

    [Fact]
    public void A_failing_check_without_restart_makes_it_unhealthy_until_it_passes_again()
    {
        var driver = RunningProcess();
        driver.Send(new ProcessInput.HealthFailed("HTTP 500", RestartWanted: false));
        Assert.Equal(Unhealthy, driver.State);
        Assert.Equal("HTTP 500", driver.Runtime.UnhealthyReason);
        Assert.Empty(driver.Signals);

        driver.Send(ProcessInput.HealthRecovered.Instance);
        Assert.Equal(Running, driver.State);
        Assert.Null(driver.Runtime.UnhealthyReason);
        Assert.Equal([Starting, Running, Unhealthy, Running], driver.States);
    }

    [Fact]
    public void On_unhealthy_restart_stops_through_the_stop_signal_and_starts_again_as_an_automatic_restart()
    {
        var driver = RunningProcess();
        driver.Send(new ProcessInput.HealthFailed("no heartbeat for 3 s", RestartWanted: true));
        Assert.Equal(Stopping, driver.State);
        Assert.Equal(15, Assert.Single(driver.Signals).Number);
        Assert.Contains("restarting p: unhealthy: no heartbeat for 3 s", driver.Log);

        driver.KilledBy(15, TimeSpan.FromMilliseconds(50));
        Assert.Equal(Running, driver.State);
        Assert.Equal(2, driver.Spawns);
        Assert.Equal(1, driver.Runtime.TotalRestarts);
        Assert.Equal([Starting, Running, Unhealthy, Stopping, Exited, Starting, Running], driver.States);
    }

    [Fact]
    public void A_restart_that_ignores_the_stop_signal_is_killed_after_stopwaitsecs()
    {
        var driver = RunningProcess();
        driver.Send(new ProcessInput.Restart("over its limit"));
        driver.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([15, 9], driver.Signals.Select(s => s.Number));
        driver.KilledBy(9, Quick);
        Assert.Equal(Running, driver.State);
    }

    [Fact]
    public void An_operator_stop_during_a_restart_ends_stopped()
    {
        var driver = RunningProcess();
        driver.Send(new ProcessInput.HealthFailed("refused", RestartWanted: true));
        driver.Stop();
        driver.KilledBy(15, Quick);
        Assert.Equal(Stopped, driver.State);
        Assert.Equal(1, driver.Spawns);
    }

    [Fact]
    public void A_waiting_process_is_starting_without_a_spawn_until_it_may_proceed()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartSecs = TimeSpan.Zero }));
        driver.Send(new ProcessInput.Wait("waiting for db (healthy)"));
        Assert.Equal(Starting, driver.State);
        Assert.Equal(0, driver.Spawns);
        Assert.Equal("waiting for db (healthy)", driver.Runtime.WaitingFor);

        driver.Send(new ProcessInput.Wait("waiting for db (healthy); db is FATAL"));
        Assert.Equal("waiting for db (healthy); db is FATAL", driver.Runtime.WaitingFor);
        Assert.Equal([Starting], driver.States);

        driver.Send(ProcessInput.Proceed.Instance);
        Assert.Equal(Running, driver.State);
        Assert.Null(driver.Runtime.WaitingFor);
        Assert.Equal(1, driver.Spawns);
    }

    [Fact]
    public void A_stop_while_waiting_ends_stopped_and_proceeding_without_waiting_is_a_bug()
    {
        var driver = new MachineDriver(MachineDriver.Program());
        driver.Send(new ProcessInput.Wait("waiting for db (started)"));
        driver.Stop();
        Assert.Equal(Stopped, driver.State);
        Assert.Null(driver.Runtime.WaitingFor);
        Assert.Throws<InvalidOperationException>(() => driver.Send(ProcessInput.Proceed.Instance));
        Assert.Throws<InvalidOperationException>(() => driver.Send(new ProcessInput.HealthFailed("x", RestartWanted: false)));
    }

    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(10);
}
