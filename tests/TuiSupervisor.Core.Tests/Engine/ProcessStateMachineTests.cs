using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Engine;
using static TuiSupervisor.Core.Engine.ProcessState;

namespace TuiSupervisor.Core.Tests.Engine;

public class ProcessStateMachineTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(10);

    [Fact]
    public void Too_quick_exits_retry_after_1_2_3_seconds_then_go_fatal_like_supervisord()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartRetries = 3 }));
        driver.Start();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            driver.Exit(1, Quick);
            driver.Advance(TimeSpan.FromSeconds(attempt));
        }

        Assert.Equal([Starting, Backoff, Starting, Backoff, Starting, Backoff, Starting, Backoff, Fatal], driver.States);
        Assert.Equal(4, driver.Spawns);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], driver.RetryDelays);
        Assert.Equal(ProcessStateMachine.TooQuickly, driver.Runtime.SpawnError);
        Assert.Equal("gave up: p entered FATAL state, too many start retries too quickly", driver.Log[^1]);
        Assert.Contains("exited: p (exit status 1; not expected)", driver.Log);
    }

    [Fact]
    public void Startretries_zero_spawns_once_and_goes_fatal_at_the_first_exit()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartRetries = 0 }));
        driver.Start();
        driver.Exit(1, Quick);
        Assert.Equal([Starting, Backoff, Fatal], driver.States);
        Assert.Equal(1, driver.Spawns);
    }

    [Fact]
    public void A_quick_exit_with_an_expected_code_is_still_a_backoff()
    {
        var driver = new MachineDriver(MachineDriver.Program());
        driver.Start();
        driver.Exit(0, Quick);
        Assert.Equal(Backoff, driver.State);
        Assert.Equal("exited: p (exit status 0; not expected)", driver.Log[^1]);
    }

    [Fact]
    public void Staying_up_for_startsecs_is_running_and_resets_the_retry_count()
    {
        var driver = new MachineDriver(MachineDriver.Program());
        driver.Start();
        driver.Exit(1, Quick);
        driver.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, driver.Runtime.Backoff);
        driver.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Running, driver.State);
        Assert.Equal(0, driver.Runtime.Backoff);
        Assert.Equal("success: p entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)", driver.Log[^1]);
    }

    [Fact]
    public void Startsecs_zero_is_running_as_soon_as_spawned()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartSecs = TimeSpan.Zero }));
        driver.Start();
        Assert.Equal([Starting, Running], driver.States);
        Assert.Equal(1000, driver.Runtime.Pid);
    }

    [Theory]
    [InlineData(AutoRestart.Unexpected, 0, false)]
    [InlineData(AutoRestart.Unexpected, 1, true)]
    [InlineData(AutoRestart.Always, 0, true)]
    [InlineData(AutoRestart.Always, 1, true)]
    [InlineData(AutoRestart.Never, 0, false)]
    [InlineData(AutoRestart.Never, 1, false)]
    public void An_exit_after_running_follows_autorestart_and_exitcodes(AutoRestart mode, int code, bool restarted)
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { AutoRestart = mode }));
        driver.Start();
        driver.Exit(code, TimeSpan.FromSeconds(2));
        ProcessState[] expected = restarted ? [Starting, Running, Exited, Starting] : [Starting, Running, Exited];
        Assert.Equal(expected, driver.States);
        Assert.Equal(restarted ? 2 : 1, driver.Spawns);
        Assert.Equal(restarted ? 1 : 0, driver.Runtime.TotalRestarts);
        Assert.Contains($"exited: p (exit status {code}; {(code == 0 ? "expected" : "not expected")})", driver.Log);
    }

    [Fact]
    public void A_process_killed_by_a_signal_is_unexpected_and_restarted()
    {
        var driver = new MachineDriver(MachineDriver.Program());
        driver.Start();
        driver.KilledBy(9, TimeSpan.FromSeconds(1.5));
        Assert.Equal([Starting, Running, Exited, Starting], driver.States);
        Assert.Contains("exited: p (terminated by SIGKILL; not expected)", driver.Log);
    }

    [Fact]
    public void An_exit_code_listed_in_exitcodes_is_expected()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { ExitCodes = new([0, 2]) }));
        driver.Start();
        driver.Exit(2, TimeSpan.FromSeconds(1.5));
        Assert.Equal(Exited, driver.State);
        Assert.Equal("exited: p (exit status 2; expected)", driver.Log[^1]);
    }

    [Fact]
    public void Stop_sends_the_stop_signal_to_the_group_and_sigkill_after_stopwaitsecs()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StopSignal = 2, StopWait = TimeSpan.FromSeconds(2) }));
        driver.Start();
        driver.Advance(TimeSpan.FromSeconds(1));
        driver.Stop();
        Assert.Equal(Stopping, driver.State);
        driver.Advance(TimeSpan.FromSeconds(1.999));
        Assert.Equal([new ProcessEffect.Signal(2, true)], driver.Signals);
        driver.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([new ProcessEffect.Signal(2, true), new ProcessEffect.Signal(9, true)], driver.Signals);
        Assert.Equal("killing 'p' (1000) with SIGKILL", driver.Log[^1]);
        driver.KilledBy(9, Quick);
        Assert.Equal([Starting, Running, Stopping, Stopped], driver.States);
        Assert.Equal("stopped: p (terminated by SIGKILL)", driver.Log[^1]);
        Assert.NotNull(driver.Runtime.StoppedAt);
    }

    [Fact]
    public void A_process_that_stops_in_time_is_not_killed()
    {
        var driver = new MachineDriver(MachineDriver.Program());
        driver.Start();
        driver.Advance(TimeSpan.FromSeconds(2));
        driver.Stop();
        driver.Exit(0, TimeSpan.FromSeconds(0.5));
        driver.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Stopped, driver.State);
        Assert.Single(driver.Signals);
        Assert.Equal("stopped: p (exit status 0)", driver.Log[^1]);
    }

    [Fact]
    public void Stop_during_backoff_is_stopped_at_once_and_no_retry_follows()
    {
        var driver = new MachineDriver(MachineDriver.Program());
        driver.Start();
        driver.Exit(1, Quick);
        driver.Stop();
        driver.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([Starting, Backoff, Stopped], driver.States);
        Assert.Equal(1, driver.Spawns);
    }

    [Fact]
    public void A_startsecs_timer_from_an_earlier_start_is_ignored()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartSecs = TimeSpan.FromSeconds(5) }));
        driver.Start();
        driver.Advance(TimeSpan.FromSeconds(1));
        driver.Stop();
        driver.Exit(0, Quick);
        driver.Start();
        driver.Advance(TimeSpan.FromSeconds(4.5));
        Assert.Equal(Starting, driver.State);
        driver.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Running, driver.State);
    }

    [Fact]
    public void A_spawn_error_backs_off_and_ends_fatal_with_its_reason()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartRetries = 1 }))
        {
            SpawnError = "can't find command '/nonexistent/bin/prog'",
        };
        driver.Start();
        driver.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([Starting, Backoff, Starting, Backoff, Fatal], driver.States);
        Assert.Equal("can't find command '/nonexistent/bin/prog'", driver.Runtime.SpawnError);
        Assert.Contains("spawnerr: can't find command '/nonexistent/bin/prog'", driver.Log);
    }

    [Fact]
    public void Exponential_backoff_multiplies_and_caps_the_delay()
    {
        var backoff = new RestartBackoff(TimeSpan.FromMilliseconds(500), 2, TimeSpan.FromSeconds(3), -1);
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartRetries = 5, StartSecs = TimeSpan.FromMinutes(5), Backoff = backoff }));
        driver.Start();
        for (var i = 0; i < 6; i++)
        {
            driver.Exit(1, Quick);
            driver.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal([0.5, 1, 2, 3, 3], driver.RetryDelays.Select(d => d.TotalSeconds));
        Assert.Equal(Fatal, driver.State);
    }

    [Fact]
    public void Max_restarts_ends_a_restart_loop_in_fatal()
    {
        var backoff = RestartBackoff.Supervisord with { MaxRestarts = 2 };
        var driver = new MachineDriver(MachineDriver.Program(p => p with { AutoRestart = AutoRestart.Always, Backoff = backoff }));
        driver.Start();
        for (var i = 0; i < 3; i++)
            driver.Exit(0, TimeSpan.FromSeconds(2));
        Assert.Equal(Fatal, driver.State);
        Assert.Equal(3, driver.Spawns);
        Assert.Equal("max_restarts (2) reached", driver.Runtime.SpawnError);
    }

    [Fact]
    public void An_operator_start_after_fatal_begins_a_fresh_retry_count()
    {
        var driver = new MachineDriver(MachineDriver.Program(p => p with { StartRetries = 0 }));
        driver.Start();
        driver.Exit(1, Quick);
        driver.Start();
        Assert.Equal(Starting, driver.State);
        Assert.Equal(0, driver.Runtime.Backoff);
        Assert.Null(driver.Runtime.SpawnError);
    }

    [Fact]
    public void Impossible_inputs_throw_naming_the_states()
    {
        var driver = new MachineDriver(MachineDriver.Program());
        var error = Assert.Throws<InvalidOperationException>(() => driver.Send(new ProcessInput.Exited(ProcessExit.Exited(0))));
        Assert.Equal("exited is not allowed in STOPPED (only in STARTING, RUNNING, UNHEALTHY, STOPPING)", error.Message);
        driver.Start();
        Assert.Throws<InvalidOperationException>(driver.Start);
    }
}
