namespace TuiSupervisor.Tests;

/// <summary>The real executable: UNHEALTHY and dependency waits as the operator sees them in status and events.</summary>
public class HealthHeadlessTests
{
    [Fact]
    public void Status_shows_an_unhealthy_process_and_a_dependent_waiting_for_it()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", """
            [programs.db]
            command = "sleep 1000"
            startsecs = 0

            [programs.db.healthcheck]
            type = "exec"
            command = "/bin/sh -c 'echo replica lag too high; exit 2'"
            interval = "0.2s"
            retries = 2
            on_unhealthy = "none"

            [programs.web]
            command = "sleep 1000"
            depends_on = { db = "healthy" }
            """);
        using var session = new HeadlessSession(dir.Path, "s.toml");

        var status = session.Poll("status", s => s.Count(c => c == '\n') == 2 && s.Contains("UNHEALTHY", StringComparison.Ordinal));
        Assert.Matches(@"(?m)^db {31}UNHEALTHY pid \d+, uptime 0:00:0\d, failing: exit status 2: replica lag too high$", status);
        Assert.Matches(@"(?m)^web {30}STARTING  waiting for db \(healthy\)$", status);

        var events = session.Poll("events -n 50", s => s.Contains("db: RUNNING -> UNHEALTHY", StringComparison.Ordinal));
        Assert.Contains("WARN health: db is unhealthy (exit status 2: replica lag too high)", events, StringComparison.Ordinal);
        Assert.Contains("INFO web: waiting for db (healthy)", events, StringComparison.Ordinal);

        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }
}
