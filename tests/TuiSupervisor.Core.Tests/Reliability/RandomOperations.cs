using System.Globalization;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Engine;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>
/// Seeded random operator operations on a real engine running <see cref="ProgramMix"/>: start,
/// stop, restart, signal and reload, on one to three processes at a time, racing the engine's own
/// restarts. The same seed gives the same sequence of operations (the processes' timing differs).
/// </summary>
internal sealed class RandomOperations(RealEngine engine, ProgramMix mix, int seed)
{
    private static readonly int[] Signals = [1, 10, 12, 15, 9];

    private readonly Random _random = new(seed);

    /// <summary>Runs one operation and says what it was, for the failure message.</summary>
    public async Task<string> RunOneAsync()
    {
        var roll = _random.Next(100);
        var targets = Targets();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        switch (roll)
        {
            case < 28:
                await engine.Supervisor.StartAsync(targets, timeout.Token);
                return $"start {string.Join(' ', targets)}";
            case < 52:
                await engine.Supervisor.StopAsync(targets, timeout.Token);
                return $"stop {string.Join(' ', targets)}";
            case < 67:
                await engine.Supervisor.StopAsync(targets, timeout.Token);
                await engine.Supervisor.StartAsync(targets, timeout.Token);
                return $"restart {string.Join(' ', targets)}";
            case < 85:
                var signal = Signals[_random.Next(Signals.Length)];
                await engine.Supervisor.SignalAsync(signal, targets, timeout.Token);
                return $"signal {signal} {string.Join(' ', targets)}";
            default:
                return await ReloadAsync(timeout.Token);
        }
    }

    /// <summary>Changes one or two programs (restarted by the reload) or removes or adds one back.</summary>
    private async Task<string> ReloadAsync(CancellationToken cancellationToken)
    {
        var index = _random.Next(mix.Count);
        string what;
        if (_random.Next(3) == 0)
        {
            mix.ToggleRemoved(index);
            what = $"reload with {ProgramMix.Name(index)} {(mix.Present.Contains(ProgramMix.Name(index)) ? "added back" : "removed")}";
        }
        else
        {
            var second = _random.Next(mix.Count);
            mix.Change(index);
            mix.Change(second);
            what = $"reload with {ProgramMix.Name(index)} and {ProgramMix.Name(second)} changed";
        }

        engine.Toml = mix.Toml();
        var outcome = await engine.Supervisor.ReloadAsync(apply: true, cancellationToken: cancellationToken);
        Assert.True(outcome.Status == ReloadStatus.Done, string.Join("\n", outcome.Lines));
        return what;
    }

    private List<string> Targets()
    {
        var present = mix.Present;
        return [.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => present[_random.Next(present.Count)]).Distinct()];
    }

    /// <summary>The seed to use: TUISUPERVISOR_RELIABILITY_SEED when set (to replay a failure), else a fresh one.</summary>
    public static int ChooseSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("TUISUPERVISOR_RELIABILITY_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    /// <summary>How many operations: TUISUPERVISOR_RELIABILITY_OPERATIONS (the bench's long run sets 10,000), else <paramref name="fallback"/>.</summary>
    public static int ChooseCount(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("TUISUPERVISOR_RELIABILITY_OPERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : fallback;
}
