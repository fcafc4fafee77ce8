using System.Text;
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
        // This test process leads no session of ours; its own session holds at least this process.
        var session = TuiSupervisor.Core.Posix.Interop.getsid(0);
        var totals = ProcTable.Sample(new HashSet<int> { session });
        Assert.True(totals.TryGetValue(session, out var group), "the test's own session was not found in /proc");
        Assert.True(group.Members >= 1);
        Assert.True(group.RssPages > 0);
    }
}
