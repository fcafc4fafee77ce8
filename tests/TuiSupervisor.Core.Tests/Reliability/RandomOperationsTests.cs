using TuiSupervisor.Core.Tests.Engine;
using Xunit.Abstractions;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>
/// The reliability suite's random-operations test (issue 8). CI runs a few hundred operations;
/// `bench/run --only reliability` runs the same test with 10,000. A failure names the seed; set
/// TUISUPERVISOR_RELIABILITY_SEED to it to replay the same operations.
/// </summary>
public sealed class RandomOperationsTests(ITestOutputHelper output)
{
    private const int OperationsInCi = 250;

    [Fact]
    public async Task Random_operations_over_50_programs_keep_the_invariants_and_shutdown_leaves_nothing()
    {
        var seed = RandomOperations.ChooseSeed();
        var count = RandomOperations.ChooseCount(OperationsInCi);
        output.WriteLine($"seed {seed}, {count} operations (replay with TUISUPERVISOR_RELIABILITY_SEED={seed})");
        var mix = new ProgramMix(Guid.NewGuid().ToString("N"));
        var history = new List<string>();
        await using (var engine = new RealEngine(mix.Toml()))
        {
            try
            {
                await engine.Supervisor.StartAutostartProgramsAsync();
                var operations = new RandomOperations(engine, mix, seed);
                for (var step = 0; step < count; step++)
                {
                    history.Add(await operations.RunOneAsync());
                    await AssertInvariantsAsync(engine, mix, seed, history);
                }

                // What the run went through, so a reader can see it covered the paths it is meant to.
                var messages = engine.Messages;
                foreach (var kind in new[] { "spawned:", "exited:", "killing", "gave up:", "signalled:", "reloaded" })
                    output.WriteLine($"{kind} {messages.Count(m => m.StartsWith(kind, StringComparison.Ordinal))}");
                await engine.Supervisor.ShutdownAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException(Failure(seed, history, e.Message), e);
            }
        }

        Poll.Until(() => MarkedProcess.Scan(mix.Marker).Count == 0,
            $"no process of the run to be left after shutdown ({Failure(seed, history, string.Join(", ", MarkedProcess.Scan(mix.Marker)))})");
    }

    /// <summary>
    /// The invariants must hold once the engine has caught up with what just happened (an exit it
    /// has not reaped yet, a signal not yet delivered): a violation fails only when it persists.
    /// </summary>
    private static async Task AssertInvariantsAsync(RealEngine engine, ProgramMix mix, int seed, List<string> history)
    {
        var deadline = Environment.TickCount64 + 5_000;
        while (true)
        {
            var before = await engine.Supervisor.SnapshotAsync();
            var scanned = MarkedProcess.Scan(mix.Marker);
            var after = await engine.Supervisor.SnapshotAsync();
            var violations = EngineInvariants.Check(before, scanned, after);
            if (violations.Count == 0)
                return;
            if (Environment.TickCount64 > deadline)
                Assert.Fail(Failure(seed, history, string.Join("\n", violations)));
            await Task.Delay(20);
        }
    }

    private static string Failure(int seed, List<string> history, string what) =>
        $"seed {seed} (replay with TUISUPERVISOR_RELIABILITY_SEED={seed}), after {history.Count} operations, the last: {string.Join("; ", history.TakeLast(8))}\n{what}";
}
