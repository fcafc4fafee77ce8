using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Health;

/// <summary>
/// Runs <c>exec</c> health checks with our posix_spawn spawner: each command in its own session
/// and process group, stdout and stderr into one pipe, the whole group killed at the timeout.
/// </summary>
/// <remarks>
/// The engine's reaper collects every child we spawn, so a check's exit status arrives through
/// its callback like any program's: <see cref="TryComplete"/> takes the ones that belong to a
/// check. A spawn and the registration of its pid happen under one lock that the callback also
/// takes, so an exit reaped the instant after the spawn still finds its waiter.
/// </remarks>
internal sealed class ExecProbeRunner(ProcessSpawner spawner)
{
    private const int SigKill = 9;
    private const int MaxOutput = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, TaskCompletionSource<ExitStatus>> _running = [];

    /// <summary>Called by the reaper for every exit; true when it was a check's.</summary>
    public bool TryComplete(ExitStatus exit)
    {
        TaskCompletionSource<ExitStatus>? waiter;
        lock (_gate)
        {
            if (!_running.Remove(exit.Pid, out waiter))
                return false;
        }

        waiter.TrySetResult(exit);
        return true;
    }

    /// <summary>Runs the command; passes on exit 0. Cancelling (the timeout) kills its group and fails it.</summary>
    public async Task<(ProbeOutcome Outcome, string Output)> RunAsync(
        IReadOnlyList<string> command, string? directory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var exited = new TaskCompletionSource<ExitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        SpawnResult spawn;
        lock (_gate)
        {
            spawn = spawner.Spawn(new SpawnRequest(command, directory, environment, Umask: null, RedirectStderr: true));
            if (spawn.Child is { } started)
                _running[started.Pid] = exited;
        }

        if (spawn.Child is not { } child)
            return (ProbeOutcome.Failed, $"cannot run the check: {spawn.Error!.Message}");

        using var stdout = new FileStream(child.Stdout, FileAccess.Read, bufferSize: 0);
        var reading = ReadOutputAsync(stdout);
        try
        {
            var exit = await exited.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

            // A grandchild that left the group may hold the pipe open: the output is not worth waiting for.
            var output = await reading.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None).ConfigureAwait(false);
            var text = new ProcessExit(exit.ExitCode, exit.Signal).Text;
            return exit.ExitCode == 0
                ? (ProbeOutcome.Passed, output.Length > 0 ? output : text)
                : (ProbeOutcome.Failed, output.Length > 0 ? $"{text}: {output}" : text);
        }
        catch (TimeoutException)
        {
            return (ProbeOutcome.Failed, "the check's output did not end with it (a process left its group?)");
        }
        catch (OperationCanceledException)
        {
            spawner.SignalGroup(child.Pid, SigKill);
            throw;
        }
    }

    private static async Task<string> ReadOutputAsync(Stream stdout)
    {
        var kept = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stdout.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (kept.Length < MaxOutput)
                    kept.Write(buffer, 0, (int)Math.Min(read, MaxOutput - kept.Length));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe was closed under the read: what was read so far is the output.
        }

        return System.Text.Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length).Trim();
    }
}
