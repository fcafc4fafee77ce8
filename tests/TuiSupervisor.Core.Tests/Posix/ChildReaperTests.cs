using TuiSupervisor.Core.Engine;
using System.Diagnostics;
using System.Globalization;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Posix;

public sealed class ChildReaperTests : IDisposable
{
    private const int SIGTERM = 15;
    private const int SIGKILL = 9;

    private readonly string _scratch = Directory.CreateTempSubdirectory("tuisupervisor-reaper-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Reaper_reports_the_exit_code()
    {
        using var harness = new ChildHarness();
        SpawnedChild child = harness.Start("/bin/sh", "-c", "exit 3");

        ExitStatus exit = await harness.WaitForExitAsync(child.Pid);

        Assert.Equal(new ExitStatus(child.Pid, 3, null), exit);
        Assert.Equal("exit status 3", new ProcessExit(exit.ExitCode, exit.Signal).Text);
        Assert.Null(harness.Reaper.Warning);
    }

    [Fact]
    public async Task Reaper_reports_the_terminating_signal()
    {
        using var harness = new ChildHarness();
        SpawnedChild child = harness.Start("/bin/sleep", "30");

        Assert.True(harness.Spawner.SignalGroup(child.Pid, SIGKILL));
        ExitStatus exit = await harness.WaitForExitAsync(child.Pid);

        Assert.Equal(new ExitStatus(child.Pid, null, SIGKILL), exit);
        Assert.Equal("terminated by SIGKILL", new ProcessExit(exit.ExitCode, exit.Signal).Text);
    }

    [Fact]
    public async Task Without_pidfds_the_reaper_notices_an_exit_through_SIGCHLD_without_waiting_for_the_safety_tick()
    {
        // The tick would take an hour: only SIGCHLD can report this exit within the deadline. The
        // child outlives the spawn call, so the wake-up from Register has passed by then.
        using var harness = new ChildHarness(safetyTick: TimeSpan.FromHours(1), usePidfds: false);
        SpawnedChild child = harness.Start("/bin/sleep", "0.3");

        Assert.Equal(0, (await harness.WaitForExitAsync(child.Pid)).ExitCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_exit_of_many_children_ending_together_is_reported_once_with_its_code(bool usePidfds)
    {
        using var harness = new ChildHarness(safetyTick: TimeSpan.FromHours(1), usePidfds: usePidfds);
        var children = Enumerable.Range(0, 40).Select(i => (Code: i % 7, harness.Start("/bin/sh", "-c", $"exit {i % 7}").Pid)).ToList();

        foreach (var (code, pid) in children)
            Assert.Equal(new ExitStatus(pid, code, null), await harness.WaitForExitAsync(pid));
    }

    [Fact]
    public async Task A_child_that_exits_before_it_is_registered_is_still_reported()
    {
        // Not through the spawner: the child is certainly a zombie by the time the reaper hears of it.
        using var harness = new ChildHarness(safetyTick: TimeSpan.FromHours(1));
        var pid = SpawnUnregistered("/bin/true");
        await ChildHarness.Eventually(() => ChildHarness.IsGone(pid), "the child to exit");

        harness.Reaper.Register(pid);

        Assert.Equal(0, (await harness.WaitForExitAsync(pid)).ExitCode);
    }

    [Fact]
    public async Task Signalling_the_group_takes_out_a_grandchild()
    {
        using var harness = new ChildHarness();
        string pidFile = Path.Combine(_scratch, "grandchild.pid");
        SpawnedChild child = harness.Start(ChildHarness.TestChild("grandchild", pidFile, "sleep", "1000"));
        await ChildHarness.Eventually(() => File.Exists(pidFile), "the grandchild's pid file");
        int grandchild = int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture);
        Assert.Equal(child.Pid, Interop.getpgid(grandchild));

        Assert.True(harness.Spawner.SignalGroup(child.Pid, SIGTERM));

        Assert.Equal(SIGTERM, (await harness.WaitForExitAsync(child.Pid)).Signal);
        await ChildHarness.Eventually(() => ChildHarness.IsGone(grandchild), "the grandchild to die");
    }

    [Fact]
    public async Task Child_ignoring_SIGTERM_survives_it_and_dies_of_SIGKILL()
    {
        using var harness = new ChildHarness();
        SpawnedChild child = harness.Start(ChildHarness.TestChild("ignore-term", "print", "ready", "sleep", "1000"));
        using var stdout = new StreamReader(new FileStream(child.Stdout, FileAccess.Read, bufferSize: 0));
        Assert.Equal("ready", await stdout.ReadLineAsync().WaitAsync(ChildHarness.Deadline));

        Assert.True(harness.Spawner.SignalGroup(child.Pid, SIGTERM));
        Assert.Equal("TERM ignored", await stdout.ReadLineAsync().WaitAsync(ChildHarness.Deadline));
        Assert.False(harness.HasExited(child.Pid));
        Assert.True(harness.Spawner.SignalGroup(child.Pid, SIGKILL));

        Assert.Equal(SIGKILL, (await harness.WaitForExitAsync(child.Pid)).Signal);
    }

    [Fact]
    public async Task Signalling_an_exited_child_returns_false_without_throwing()
    {
        using var harness = new ChildHarness();
        SpawnedChild child = harness.Start("/bin/true");
        await harness.WaitForExitAsync(child.Pid);

        Assert.False(harness.Spawner.SignalGroup(child.Pid, SIGTERM));
        // The raw call reaches the kernel, which answers ESRCH: the group is gone.
        Assert.False(ProcessSignaller.SignalGroup(child.Pid, SIGTERM));
    }

    [Fact]
    public async Task Reaper_leaves_the_exits_of_Process_children_to_Process()
    {
        using var harness = new ChildHarness();
        for (int round = 0; round < 5; round++)
        {
            SpawnedChild ours = harness.Start("/bin/sh", "-c", "exit 4");
            using var theirs = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "exit 7"]))!;

            Assert.True(theirs.WaitForExit(ChildHarness.Deadline));
            Assert.Equal(7, theirs.ExitCode);
            Assert.Equal(4, (await harness.WaitForExitAsync(ours.Pid)).ExitCode);
            Assert.False(harness.HasExited(theirs.Id));
        }
    }

    private static unsafe int SpawnUnregistered(string program)
    {
        using var argv = new NativeStringArray([program]);
        using var envp = new NativeStringArray([]);
        Assert.Equal(0, Interop.posix_spawn(out int pid, program, null, null, argv.Pointer, envp.Pointer));
        return pid;
    }
}
