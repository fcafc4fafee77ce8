using System.Globalization;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Tests;

/// <summary><c>user</c>: the engine's own executable drops privileges and execs the program in place.</summary>
public partial class UserSwitchTests
{
    private static bool RunningAsRoot => Environment.UserName == "root";

    [Fact]
    public void A_program_with_user_runs_as_that_user_with_default_signals_or_fails_to_spawn_without_root()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.probe]
            command = "/bin/sh -c 'echo uid=$(id -u); grep SigIgn /proc/$$/status; exec sleep 1000'"
            user = "nobody"
            startsecs = 0
            startretries = 0
            redirect_stderr = true
            """);
        using var engine = new HeadlessSession(dir.Path, "s.toml");

        if (!RunningAsRoot)
        {
            engine.Poll("status probe", s => s.Contains("FATAL", StringComparison.Ordinal));
            Assert.Contains("Can't drop privilege as nonroot user", engine.Stderr, StringComparison.Ordinal);
            return;
        }

        var status = engine.Poll("status probe", s => s.Contains("RUNNING", StringComparison.Ordinal));
        var pid = int.Parse(Pid().Match(status).Groups[1].Value, CultureInfo.InvariantCulture);
        var output = engine.Poll("tail probe", s => s.Contains("SigIgn", StringComparison.Ordinal));
        Assert.Contains("uid=65534\n", output, StringComparison.Ordinal);
        Assert.Matches(@"SigIgn:\s+0+\n", output);

        // The trampoline became the program: the pid the engine knows is the user's sleep.
        var kernelView = File.ReadAllText($"/proc/{pid}/status");
        Assert.Matches(@"Uid:\s+65534\s", kernelView);
        Assert.Equal("sleep", File.ReadAllText($"/proc/{pid}/comm").Trim());
        engine.Send("quit");
        Assert.Equal(0, engine.WaitForExit());
        Assert.False(Directory.Exists($"/proc/{pid}"), "the switched child outlived the shutdown");
    }

    [Fact]
    public void An_unknown_user_ends_FATAL_with_supervisords_reason()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.ghost]
            command = "/bin/true"
            user = "no-such-account-here"
            startretries = 0
            """);
        using var engine = new HeadlessSession(dir.Path, "s.toml");

        var status = engine.Poll("status ghost", s => s.Contains("FATAL", StringComparison.Ordinal));

        Assert.Contains("couldn't setuid to no-such-account-here: Can't find username 'no-such-account-here'", status, StringComparison.Ordinal);

        // Logged as every other spawn error is: on stderr and in the event history.
        const string Spawnerr = "INFO spawnerr: couldn't setuid to no-such-account-here: Can't find username 'no-such-account-here'";
        Assert.Contains(Spawnerr, engine.Stderr, StringComparison.Ordinal);
        Assert.Contains(Spawnerr, engine.Poll("events -n 100", s => s.Contains("FATAL", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"pid (\d+),")]
    private static partial Regex Pid();
}
