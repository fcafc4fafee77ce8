using System.Globalization;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Tests;

public partial class EngineLifecycleTests
{
    private const string Config = """
        [programs.sleeper]
        command = "sleep 1000"
        startsecs = 0
        """;

    [Fact]
    public void A_second_engine_on_the_same_pidfile_is_refused_with_the_holders_pid()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var first = new HeadlessSession(dir.Path, "s.toml");
        first.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));

        var second = Product.Run(dir.Path, "--headless", "-c", "s.toml");

        Assert.Equal(2, second.ExitCode);
        Assert.Equal($"tuisupervisor: another tuisupervisor (pid {first.Pid}) holds {Path.Combine(dir.Path, "supervisor.pid")}; nothing started\n", second.Stderr);
        Assert.Contains("RUNNING", first.Poll("status", s => s.Length > 0), StringComparison.Ordinal);
        first.Send("quit");
        Assert.Equal(0, first.WaitForExit());
        Assert.False(File.Exists(Path.Combine(dir.Path, "supervisor.pid")));
    }

    [Fact]
    public void After_the_engine_was_killed_the_next_start_stops_what_it_left_and_says_so()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        int orphan;
        using (var killed = new HeadlessSession(dir.Path, "s.toml"))
        {
            var status = killed.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
            orphan = int.Parse(Pid().Match(status).Groups[1].Value, CultureInfo.InvariantCulture);
            killed.WaitFor(_ => File.Exists(Path.Combine(dir.Path, "supervisor.pid.children")), "the children's record");
            killed.Signal("KILL");
            killed.WaitForExit();
        }

        Assert.True(Directory.Exists($"/proc/{orphan}"), "the child should outlive an engine killed with SIGKILL");

        using var next = new HeadlessSession(dir.Path, "s.toml");
        next.WaitFor(s => s.Stderr.Contains($"stopped leftover process sleeper (pid {orphan}) from an earlier run that ended without shutting down", StringComparison.Ordinal), "the leftover report");
        Assert.False(Directory.Exists($"/proc/{orphan}") && !File.ReadAllText($"/proc/{orphan}/stat").Contains(") Z ", StringComparison.Ordinal), "the leftover is still alive");
        var status2 = next.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
        Assert.NotEqual(orphan.ToString(CultureInfo.InvariantCulture), Pid().Match(status2).Groups[1].Value);
        next.Send("quit");
        Assert.Equal(0, next.WaitForExit());
    }

    [GeneratedRegex(@"pid (\d+),")]
    private static partial Regex Pid();
}
