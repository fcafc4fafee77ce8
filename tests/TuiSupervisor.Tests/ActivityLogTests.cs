using System.Text.RegularExpressions;

namespace TuiSupervisor.Tests;

/// <summary>The activity log (<c>[supervisor] logfile</c>) end to end: supervisord's file names, one report per failure.</summary>
public class ActivityLogTests
{
    private const string Config = """
        [supervisor]
        logfile = "logs/activity.log"
        logfile_maxbytes = "300B"
        logfile_backups = 2
        [programs.idle]
        command = "sleep 1000"
        autostart = false
        startsecs = 0
        """;

    [Fact]
    public void A_log_that_cannot_be_opened_is_reported_once_then_written_when_its_folder_appears_and_rotates_as_supervisord_names_it()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        dir.Write("logs", "a file where the log folder should be");
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.WaitFor(s => s.Stderr.Contains("ERROR activity log: ", StringComparison.Ordinal), "the activity log's failure");

        File.Delete(Path.Combine(dir.Path, "logs"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "logs"));
        for (var i = 0; i < 6; i++)
        {
            session.Poll("start idle", s => s.Contains("idle: started", StringComparison.Ordinal));
            session.Poll("stop idle", s => s.Contains("idle: stopped", StringComparison.Ordinal));
        }

        session.WaitFor(s => s.Stderr.Contains("INFO activity log: writing again", StringComparison.Ordinal), "the activity log's recovery");
        Assert.Single(Regex.Matches(session.Stderr, "ERROR activity log: "));
        var files = Directory.GetFiles(Path.Combine(dir.Path, "logs"), "activity*").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["activity.log", "activity.log.1", "activity.log.2"], files);
        Assert.Contains("INFO operator: stop idle", File.ReadAllText(Path.Combine(dir.Path, "logs", "activity.log.1")), StringComparison.Ordinal);
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }
}
