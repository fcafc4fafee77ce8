using System.Globalization;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Terminal.Tests.Posix;

/// <summary>The line reader in a real terminal (tmux), with activity printed every 100 ms while the user types.</summary>
public partial class LineReaderTerminalTests
{
    [Fact]
    public void Editing_completion_and_history_survive_a_stream_of_activity_lines()
    {
        using var tmux = new Tmux(80, 12);
        var before = Path.Combine(tmux.Directory, "before");
        var after = Path.Combine(tmux.Directory, "after");
        tmux.Type($"stty -g > {before}; {Tmux.HostCommand} linereader; echo exit=$?; stty -g > {after}");
        tmux.WaitForText("activity 3");

        tmux.Keys("-l", "resta");
        var typed = LastActivity(tmux.WaitFor(s => LastLine(s) == "tuisupervisor> resta"));
        tmux.WaitFor(s => LastActivity(s) >= typed + 5 && LastLine(s) == "tuisupervisor> resta");

        tmux.Keys("Tab");
        tmux.WaitFor(s => LastLine(s) == "tuisupervisor> restart");
        tmux.Keys("-l", "w");
        tmux.Keys("Tab");
        tmux.Keys("Tab");
        tmux.WaitFor(s => s.Split('\n').Any(l => l.TrimEnd() == "web     worker"));
        tmux.Keys("-l", "eb");
        tmux.Keys("Enter");
        tmux.WaitForText("you said: restart web");

        tmux.Keys("Up");
        tmux.WaitFor(s => LastLine(s) == "tuisupervisor> restart web");
        tmux.Keys("C-u", "C-d");

        var screen = tmux.WaitForText("exit=0");
        Assert.Contains("bye", screen, StringComparison.Ordinal);
        Assert.DoesNotMatch(ActivityThenPrompt(), screen);
        WaitForFile(after);
        Assert.Equal(File.ReadAllText(before), File.ReadAllText(after));
    }

    private static string LastLine(string screen) => screen.TrimEnd().Split('\n')[^1].TrimEnd();

    private static int LastActivity(string screen) =>
        ActivityNumber().Matches(screen).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    private static void WaitForFile(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !(File.Exists(path) && new FileInfo(path).Length > 0))
            Thread.Sleep(50);
        Assert.True(File.Exists(path), path + " was never written");
    }

    [GeneratedRegex(@"activity (\d+)")]
    private static partial Regex ActivityNumber();

    /// <summary>An activity line glued to a prompt would mean the prompt was not cleared before printing.</summary>
    [GeneratedRegex(@"tuisupervisor> \S*activity")]
    private static partial Regex ActivityThenPrompt();
}
