using System.Diagnostics;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Measurement;

/// <summary>
/// How long a key takes to show on the screen: <paramref name="away"/> moves the selection from
/// the first row (the flooding program) to the row below it, <paramref name="back"/> moves it back;
/// each step is known by a text that only the screen after it shows (the log pane's title). A
/// sample is from sending the key (tmux types it into the pane's terminal) to the first capture
/// of the screen that shows the change.
/// </summary>
internal sealed class KeyLatencyProbe(TmuxServer tmux, KeyLatencyProbe.Step away, KeyLatencyProbe.Step back)
{
    /// <summary>Between captures; small against a 50 ms frame interval, large enough not to busy a core.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// <paramref name="samples"/> key presses, alternately away and back, each after a random
    /// pause of 150–350 ms (so keys do not fall at the same point of a frame clock, and the log
    /// pane has filled again); in milliseconds. Starts and ends with the first row selected.
    /// </summary>
    public async Task<List<double>> MeasureAsync(int samples, Random random)
    {
        await tmux.WaitForScreenAsync(s => s.Contains(back.Shows, StringComparison.Ordinal), TimeSpan.FromSeconds(30), $"'{back.Shows}'").ConfigureAwait(false);
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            await Task.Delay(random.Next(150, 350)).ConfigureAwait(false);
            var step = i % 2 == 0 ? away : back;
            var start = Stopwatch.GetTimestamp();
            await tmux.SendKeyAsync(step.Key).ConfigureAwait(false);
            while (!(await tmux.CaptureAsync().ConfigureAwait(false)).Contains(step.Shows, StringComparison.Ordinal))
            {
                if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(20))
                    throw new TimeoutException($"'{step.Key}' did not show '{step.Shows}' on the screen in 20 s");
                await Task.Delay(PollInterval).ConfigureAwait(false);
            }

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        if (samples % 2 == 1)
            await tmux.SendKeyAsync(back.Key).ConfigureAwait(false);
        return latencies;
    }

    /// <summary>A key (tmux's name for it) and a text that appears on the screen only once it took effect.</summary>
    public sealed record Step(string Key, string Shows);
}
