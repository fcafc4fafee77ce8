using System.Diagnostics;
using System.Text;
using TuiSupervisor.Core.Posix;
using TuiSupervisor.Core.Resources;

namespace TuiSupervisor.Core.Tests.Health;

public class ProcTableTests
{
    [Fact]
    public void Stat_line_with_spaces_and_parentheses_in_the_name_is_parsed()
    {
        var stat = "4242 (my (odd) name) S 1 4240 4239 0 -1 4194560 100 0 0 0 30 12 5 3 20 0 1 0 555 10000000 2560 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
        Assert.True(ProcTable.TryParse(Encoding.ASCII.GetBytes(stat), out var pgrp, out var session, out var ticks, out var rss));
        Assert.Equal(4240, pgrp);
        Assert.Equal(4239, session);
        Assert.Equal(30 + 12 + 5 + 3, ticks);
        Assert.Equal(2560, rss);
    }

    [Fact]
    public void A_group_is_its_session_and_its_members_are_counted_together()
    {
        // setsid makes the shell lead a session of its own (the test's own session may lead
        // outside this pid namespace, where /proc shows it as 0); its two sleeps stay in it.
        using var shell = Process.Start("setsid", ["sh", "-c", "sleep 30 & sleep 30; true"])!;
        try
        {
            var leader = new HashSet<int> { shell.Id };
            Poll.Until(() => ProcTable.Sample(leader).GetValueOrDefault(shell.Id).Members == 3, "the shell and its two sleeps are counted in its session");
            Assert.True(ProcTable.Sample(leader)[shell.Id].RssPages > 0);
        }
        finally
        {
            Interop.kill(-shell.Id, 9);
        }
    }
}
