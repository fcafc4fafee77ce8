using System.Diagnostics;
using System.Text;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Engine;

/// <summary>Following a process's output (<c>tail -f</c>, the TUI's log pane): every byte, in order, in few pieces.</summary>
public class FollowOutputTests
{
    private const int Lines = 5000;

    [Fact]
    public async Task Fast_output_reaches_a_follower_whole_in_at_most_one_piece_per_interval_after_the_first()
    {
        // One write per line (the shell's echo), in bursts of 100 a few milliseconds apart, started
        // once the follower has asked for the output.
        var go = Path.Combine(Path.GetTempPath(), "tuisupervisor-follow-" + Guid.NewGuid().ToString("N")[..10]);
        await using var engine = new RealEngine($$"""
            [programs.burst]
            command = ["/bin/sh", "-c", "while [ ! -e {{go}} ]; do sleep 0.02; done; i=0; while [ $i -lt {{Lines}} ]; do echo line $i; i=$((i+1)); [ $((i % 100)) -ne 0 ] || sleep 0.002; done; exec sleep 1000"]
            startsecs = 0
            """);
        await engine.Supervisor.StartAutostartProgramsAsync();
        engine.WaitForState("burst", ProcessState.Running);

        using var following = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var followed = new StringBuilder();
        var pieces = 0;
        var first = 0L;
        var last = $"line {Lines - 1}\n";
        // Asking for the last Lines lines: a follower that settles after the child began still gets every line (the ring holds 256 KiB).
        await using (var follow = engine.Supervisor.FollowOutputAsync("burst", stderr: false, Lines, following.Token).GetAsyncEnumerator(following.Token))
        {
            var next = follow.MoveNextAsync();
            await File.WriteAllTextAsync(go, "");
            while (await next)
            {
                if (pieces++ == 0)
                    first = Stopwatch.GetTimestamp();
                followed.Append(Encoding.ASCII.GetString(follow.Current));
                if (followed.Length >= last.Length && followed.ToString(followed.Length - last.Length, last.Length) == last)
                    break;
                next = follow.MoveNextAsync();
            }
        }

        File.Delete(go);
        Assert.Equal(string.Concat(Enumerable.Range(0, Lines).Select(i => $"line {i}\n")), followed.ToString());
        // Pieces after the first come at least 10 ms apart (a millisecond of slack for the timer);
        // without the interval each pipe read was a piece: one a burst at least.
        var elapsed = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        Assert.True(pieces <= 2 + (elapsed / 9), $"{pieces} pieces in {elapsed:0} ms");
    }
}
