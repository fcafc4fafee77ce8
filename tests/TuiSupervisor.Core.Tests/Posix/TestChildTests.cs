using System.Globalization;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Posix;

/// <summary>TestChild is what the engine's process tests stand on; check that it does what they assume.</summary>
public sealed class TestChildTests : IDisposable
{
    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Status_step_reports_the_childs_session_directory_and_umask()
    {
        SpawnedChild child = _harness.Start(ChildHarness.Request(ChildHarness.TestChild("status"), directory: "/tmp", umask: Convert.ToInt32("027", 8)));

        string[] lines = (await ChildHarness.ReadToEndAsync(child.Stdout)).Split('\n');

        string pid = child.Pid.ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"Pid: {pid}", lines);
        Assert.Contains($"Pgid: {pid}", lines);
        Assert.Contains($"Sid: {pid}", lines);
        Assert.Contains("Cwd: /tmp", lines);
        Assert.Contains("Umask: 0027", lines);
        Assert.Contains("SigBlk: 0000000000000000", lines);
    }

    [Fact]
    public async Task Steps_run_in_order_and_exit_sets_the_code()
    {
        SpawnedChild child = _harness.Start(ChildHarness.Request(
            ChildHarness.TestChild("env", "print", "done", "exit", "5"), environment: ChildHarness.Env(("FOO", "bar"))));

        string output = await ChildHarness.ReadToEndAsync(child.Stdout);

        Assert.Equal("FOO=bar\nPATH=/usr/bin:/bin\ndone\n", output);
        Assert.Equal(5, (await _harness.WaitForExitAsync(child.Pid)).ExitCode);
    }

    [Fact]
    public async Task Unknown_step_exits_64_with_a_message()
    {
        SpawnedChild child = _harness.Start(ChildHarness.TestChild("no-such-step"));

        Assert.Contains("unknown step 'no-such-step'", await ChildHarness.ReadToEndAsync(child.Stderr!));
        Assert.Equal(64, (await _harness.WaitForExitAsync(child.Pid)).ExitCode);
    }
}
