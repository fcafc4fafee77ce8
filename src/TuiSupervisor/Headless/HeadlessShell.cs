using System.Runtime.InteropServices;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Headless;

/// <summary>
/// <c>--headless</c>: the engine with a line-based shell (spec section 2). Results go to stdout,
/// engine activity to stderr. At a terminal the prompt edits lines, keeps history and completes
/// names (<see cref="TerminalConsole"/>), and EOF (Ctrl-D) is <c>quit</c>; EOF on anything else
/// (a pipe, /dev/null, nohup) leaves the engine running until SIGTERM/SIGINT.
/// </summary>
internal sealed class HeadlessShell(Supervisor supervisor, IShellConsole console)
{
    public const string Prompt = "tuisupervisor> ";

    private readonly TaskCompletionSource _quit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _interrupts;

    /// <summary>Ends the running <c>tail -f</c> or <c>events -f</c>; null when none runs.</summary>
    private CancellationTokenSource? _follow;

    /// <summary>Ends the shell as <c>quit</c> does (for <c>ctl shutdown</c>).</summary>
    public void RequestShutdown() => _quit.TrySetResult();

    /// <summary>Runs until <c>quit</c> or a signal ends it; <paramref name="notices"/> are shown (and logged) first.</summary>
    public async Task<int> RunAsync(IEnumerable<string> notices)
    {
        // The first snapshot comes on the engine's loop as the subscription starts: the events
        // from before it (start-up warnings, an activity log that cannot be opened) are shown
        // then, and every later one by the event callback, none twice.
        var earlier = true;
        using var events = supervisor.Subscribe(
            _ =>
            {
                if (!earlier)
                    return;
                earlier = false;
                foreach (var engineEvent in supervisor.RecentEvents(int.MaxValue))
                    WriteActivity(EventText.Format(engineEvent));
            },
            e => WriteActivity(EventText.Format(e)));
        foreach (var notice in notices)
            supervisor.Announce(EventLevel.Warn, notice);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        await supervisor.StartAutostartProgramsAsync().ConfigureAwait(false);

        var interpreter = new CommandInterpreter(supervisor, TimeProvider.System);
        console.Interrupted += (_, _) => EndFollow();
        _ = Task.Run(() => ReadCommandsAsync(interpreter));
        await _quit.Task.ConfigureAwait(false);
        await supervisor.ShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private async Task ReadCommandsAsync(CommandInterpreter interpreter)
    {
        while (!_quit.Task.IsCompleted)
        {
            var line = await console.ReadLineAsync().ConfigureAwait(false);
            if (line is null)
            {
                if (console.EndOfInputQuits)
                    _quit.TrySetResult();
                return;
            }

            var result = CommandInterpreter.IsFollow(line) ? await FollowAsync(interpreter, line).ConfigureAwait(false) : await interpreter.RunAsync(line).ConfigureAwait(false);
            foreach (var text in result.Lines)
                WriteOutput(text, newLine: true);
            if (result.Quit)
                _quit.TrySetResult();
        }
    }

    /// <summary>A follow runs until SIGINT ends it (as in supervisorctl), not the engine.</summary>
    private async Task<CommandOutput> FollowAsync(CommandInterpreter interpreter, string line)
    {
        using var follow = new CancellationTokenSource();
        Volatile.Write(ref _follow, follow);
        try
        {
            return await interpreter.RunAsync(line, text => { WriteOutput(text, newLine: false); return ValueTask.CompletedTask; }, follow.Token).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _follow, null);
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The runtime's default would end the process without stopping the children.
        context.Cancel = true;
        if (context.Signal == PosixSignal.SIGINT && EndFollow())
            return;

        switch (context.Signal)
        {
            case PosixSignal.SIGHUP when _quit.Task.IsCompleted:
                supervisor.Announce(EventLevel.Warn, "SIGHUP received during the shutdown: ignored");
                break;
            case PosixSignal.SIGHUP:
                supervisor.Announce(EventLevel.Info, "SIGHUP received: reloading the config");
                _ = ReloadAsync();
                break;
            case PosixSignal.SIGINT when Interlocked.Increment(ref _interrupts) > 1:
                supervisor.Announce(EventLevel.Warn, "second SIGINT: killing every remaining process");
                _ = supervisor.KillAllAsync();
                break;
            default:
                supervisor.Announce(EventLevel.Info, $"{context.Signal} received: shutting down");
                _quit.TrySetResult();
                break;
        }
    }

    /// <summary>Ends the running follow, if any; whether there was one.</summary>
    private bool EndFollow()
    {
        if (Interlocked.Exchange(ref _follow, null) is not { } follow)
            return false;
        try
        {
            follow.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The follow ended on its own just now.
        }

        return true;
    }

    private async Task ReloadAsync()
    {
        // Nobody typed the command, so its answer goes to the activity lines, timestamped like the rest.
        var outcome = await supervisor.ReloadAsync(apply: true).ConfigureAwait(false);
        foreach (var line in outcome.Lines)
            supervisor.Announce(outcome.Status == ReloadStatus.Done ? EventLevel.Info : EventLevel.Error, line);
    }

    private void WriteOutput(string text, bool newLine) => console.WriteOutput(text, newLine);

    private void WriteActivity(string line) => console.WriteActivity(line);
}
