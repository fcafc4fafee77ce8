using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Resources;
using TuiSupervisor.Tui;

namespace TuiSupervisor.Tests.Tui;

public class ProcessListTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProcessSnapshot[] Processes =
    [
        Process("web", "web", ProcessState.Running, cpu: 5, rss: 30 << 20, restarts: 0, startedSecondsAgo: 600),
        Process("worker_00", "worker", ProcessState.Running, cpu: 40, rss: 10 << 20, restarts: 1, startedSecondsAgo: 60),
        Process("worker_01", "worker", ProcessState.Fatal, restarts: 3),
        Process("api", "api", ProcessState.Backoff, restarts: 2),
        Process("cron", "cron", ProcessState.Stopped),
    ];

    [Fact]
    public void Groups_of_several_processes_get_a_header_row_with_their_members_indented_below()
    {
        var rows = ProcessList.Rows(Processes, ProcessListOptions.Default, Now);

        Assert.Equal(["api", "cron", "web", "group worker", "worker:worker_00", "worker:worker_01"], rows.Select(r => r.Key));
        Assert.Equal("▾ worker (2)", ProcessCells.Name(rows[3]));
        Assert.Equal("  worker_00", ProcessCells.Name(rows[4]));
        Assert.Equal("worker:*", rows[3].Target);
        Assert.Equal("1/2 FATAL", ProcessCells.State(rows[3]));
        Assert.Equal("RUNNING", ProcessCells.State(ProcessRow.ForGroup("w", [Processes[0], Processes[1]], folded: false)));
    }

    [Fact]
    public void A_folded_group_hides_its_members_until_a_filter_matches_inside_it()
    {
        var folded = ProcessListOptions.Default.WithFolded("worker", true);

        Assert.Equal(["api", "cron", "web", "group worker"], ProcessList.Rows(Processes, folded, Now).Select(r => r.Key));
        Assert.Equal(["group worker", "worker:worker_01"], ProcessList.Rows(Processes, folded with { Filter = "01" }, Now).Select(r => r.Key));
        Assert.Equal(["group worker", "worker:worker_01"], ProcessList.Rows(Processes, ProcessListOptions.Default with { Filter = "fatal" }, Now).Select(r => r.Key));
        Assert.True(ProcessList.Rows(Processes, folded.WithFolded("worker", false), Now).Count == 6);
    }

    [Fact]
    public void Sorting_by_a_figure_puts_the_biggest_first_and_groups_by_their_sum()
    {
        var byCpu = ProcessListOptions.Default with { Sort = SortKey.Cpu, Descending = true };
        Assert.Equal(["group worker", "worker:worker_00", "worker:worker_01", "web", "api", "cron"], ProcessList.Rows(Processes, byCpu, Now).Select(r => r.Key));

        var byState = ProcessListOptions.Default with { Sort = SortKey.State };
        Assert.Equal(["group worker", "worker:worker_01", "worker:worker_00", "api", "web", "cron"], ProcessList.Rows(Processes, byState, Now).Select(r => r.Key));

        var byName = ProcessListOptions.Default with { Descending = true };
        Assert.Equal(["group worker", "worker:worker_01", "worker:worker_00", "web", "cron", "api"], ProcessList.Rows(Processes, byName, Now).Select(r => r.Key));
    }

    [Fact]
    public void Cycling_the_sort_visits_every_key_and_comes_back_to_names()
    {
        var options = ProcessListOptions.Default;
        var seen = new List<SortKey>();
        for (var i = 0; i < Enum.GetValues<SortKey>().Length; i++)
        {
            options = options.NextSort();
            seen.Add(options.Sort);
        }

        Assert.Equal([SortKey.State, SortKey.Cpu, SortKey.Memory, SortKey.Restarts, SortKey.Uptime, SortKey.Name], seen);
        Assert.True(ProcessListOptions.Default.NextSort().NextSort().Descending);
    }

    internal static ProcessSnapshot Process(string name, string group, ProcessState state, double? cpu = null, long rss = 0, int restarts = 0, int startedSecondsAgo = 0) => new()
    {
        Name = name,
        Group = group,
        Program = group,
        State = state,
        Pid = state is ProcessState.Running ? 1000 + name.Length : null,
        StartedAt = Now.AddSeconds(-startedSecondsAgo),
        Restarts = restarts,
        Usage = cpu is null ? null : new ResourceUsage(cpu, rss, 1, Now),
    };
}
