using System.Globalization;
using System.Text;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Commands;

/// <summary>
/// One command line in, supervisorctl's output lines and exit code out (spec section 2,
/// supervisord-semantics.md section 6). The headless shell, <c>ctl</c> and the TUI's palette all
/// go through here, so a line means the same everywhere.
/// </summary>
public sealed class CommandInterpreter(ISupervisor supervisor, TimeProvider time)
{
    public static IReadOnlyList<string> CommandNames { get; } =
        ["status", "start", "stop", "restart", "signal", "reload", "update", "reread", "tail", "events", "pid", "help", "shutdown", "quit", "exit"];

    public Task<CommandOutput> RunAsync(string line, CancellationToken cancellationToken = default) => RunAsync(line, follow: null, cancellationToken);

    /// <summary>
    /// Runs one line. With <paramref name="follow"/>, <c>tail -f</c> and <c>events -f</c> write
    /// through it until <paramref name="cancellationToken"/> is cancelled, then end with exit 0;
    /// without, <c>-f</c> is ignored and they answer once.
    /// </summary>
    public async Task<CommandOutput> RunAsync(string line, Func<string, ValueTask>? follow, CancellationToken cancellationToken)
    {
        var words = Words(line);
        if (words.Length == 0)
            return new CommandOutput([], ExitCodes.Success);
        var args = words[1..];
        return words[0] switch
        {
            "status" => (await StatusAsync(args).ConfigureAwait(false)).Output,
            "start" => await StartAsync(args, cancellationToken).ConfigureAwait(false),
            "stop" => await StopAsync(args, cancellationToken).ConfigureAwait(false),
            "restart" => await RestartAsync(args, cancellationToken).ConfigureAwait(false),
            "signal" => await SignalAsync(args, cancellationToken).ConfigureAwait(false),
            "tail" => await TailAsync(args, follow, cancellationToken).ConfigureAwait(false),
            "events" => await EventsAsync(args, follow, cancellationToken).ConfigureAwait(false),
            "pid" => Pid(args, await supervisor.SnapshotAsync().ConfigureAwait(false)),
            "reload" or "update" => await ReloadAsync(apply: true, args, cancellationToken).ConfigureAwait(false),
            "reread" when args.Length > 0 => new CommandOutput(["Error: reread accepts no arguments", .. CommandHelp.For("reread")], ExitCodes.ActionFailed),
            "reread" => await ReloadAsync(apply: false, [], cancellationToken).ConfigureAwait(false),
            "help" => Help(args),
            "quit" or "exit" => new CommandOutput([], ExitCodes.Success, Quit: true),
            "shutdown" => new CommandOutput(["Shut down"], ExitCodes.Success, Quit: true),
            var other => CommandOutput.Line($"*** Unknown syntax: {other}", ExitCodes.ActionFailed),
        };
    }

    /// <summary>
    /// <c>status</c>: the processes it lists, in its order, the errors for unknown names, and what
    /// it prints. As supervisorctl: every process sorted by name without targets (or with
    /// <c>all</c>); otherwise the errors first, then the processes in the targets' order (a
    /// group's sorted by name).
    /// </summary>
    public async Task<(IReadOnlyList<ProcessSnapshot> Processes, IReadOnlyList<string> Errors, CommandOutput Output)> StatusAsync(IReadOnlyList<string> args)
    {
        var snapshot = await supervisor.SnapshotAsync().ConfigureAwait(false);
        List<ProcessSnapshot> processes;
        List<string> errors = [];
        if (args.Count == 0 || args.Contains("all"))
        {
            processes = [.. ByName(snapshot.Processes)];
        }
        else
        {
            var resolution = TargetResolver.Resolve(args, snapshot.Processes);
            processes = [.. resolution.Targets.SelectMany(t => ByName(t.Processes))];
            errors = [.. resolution.Errors.Select(e => e.ToString())];
        }

        var lines = errors.Concat(StatusText.Lines(processes, time.GetUtcNow(), time.LocalTimeZone)).ToList();
        var exit = errors.Count > 0 ? ExitCodes.UnknownOrNoEngine : processes.Any(p => p.State.IsDown()) ? ExitCodes.NotRunning : ExitCodes.Success;
        return (processes, errors, new CommandOutput(lines, exit));
    }

    private static IEnumerable<ProcessSnapshot> ByName(IEnumerable<ProcessSnapshot> processes) =>
        processes.OrderBy(p => p.Group, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal);

    private async Task<CommandOutput> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
            return new CommandOutput(Usage("start"), ExitCodes.UsageOrConfig);
        var targets = TargetResolver.Resolve(args, (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        var startable = targets.Processes.Where(p => targets.Named.Contains(p.FullName) || p.State is not (ProcessState.Running or ProcessState.Unhealthy or ProcessState.Starting or ProcessState.Backoff));
        var results = await supervisor.StartAsync([.. startable.Select(p => p.FullName)], cancellationToken).ConfigureAwait(false);
        var errors = targets.Errors.ToList();
        var exit = errors.Any(e => e.Message == "no such group") ? ExitCodes.UsageOrConfig : errors.Count > 0 ? ExitCodes.ActionFailed : ExitCodes.Success;
        return new CommandOutput([.. targets.Lines(results, Line)], Math.Max(exit, ExitFor(results)));
    }

    private async Task<CommandOutput> StopAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
            return new CommandOutput(Usage("stop"), ExitCodes.ActionFailed);
        var targets = TargetResolver.Resolve(args, (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        var results = await supervisor.StopAsync([.. Stoppable(targets)], cancellationToken).ConfigureAwait(false);
        return new CommandOutput([.. targets.Lines(results, Line)], targets.Errors.Any() ? ExitCodes.ActionFailed : ExitCodes.Success);
    }

    /// <summary>supervisorctl's restart: a stop of the targets, then a start, each answering in the targets' order.</summary>
    private async Task<CommandOutput> RestartAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
            return new CommandOutput(Usage("restart"), ExitCodes.ActionFailed);
        var targets = TargetResolver.Resolve(args, (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        var stopped = await supervisor.StopAsync([.. Stoppable(targets)], cancellationToken).ConfigureAwait(false);
        var started = await supervisor.StartAsync([.. targets.Processes.Select(p => p.FullName)], cancellationToken).ConfigureAwait(false);
        return new CommandOutput([.. targets.Lines(stopped, Line), .. targets.Lines(started, Line)], Math.Max(targets.Errors.Any() ? ExitCodes.ActionFailed : ExitCodes.Success, ExitFor(started)));
    }

    private async Task<CommandOutput> SignalAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 2)
            return new CommandOutput(["Error: signal requires a signal name and a process name", .. CommandHelp.For("signal")], ExitCodes.ActionFailed);
        var targets = TargetResolver.Resolve(args[1..], (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        if (!Signals.TryParse(args[0], out var signal))
            return new CommandOutput([.. targets.Targets.SelectMany(t => t.Error is { } e ? [e.ToString()] : t.Processes.Select(p => $"{p.FullName}: ERROR (bad signal name)"))], ExitCodes.ActionFailed);

        var signallable = targets.Processes.Where(p => targets.Named.Contains(p.FullName) || p.State is ProcessState.Running or ProcessState.Unhealthy or ProcessState.Starting or ProcessState.Stopping);
        var results = await supervisor.SignalAsync(signal, [.. signallable.Select(p => p.FullName)], cancellationToken).ConfigureAwait(false);
        var exit = targets.Errors.Any() || results.Any(r => r.Outcome != ActionOutcome.Signalled) ? ExitCodes.ActionFailed : ExitCodes.Success;
        return new CommandOutput([.. targets.Lines(results, Line)], exit);
    }

    private async Task<CommandOutput> ReloadAsync(bool apply, string[] groups, CancellationToken cancellationToken)
    {
        var outcome = await supervisor.ReloadAsync(apply, groups, cancellationToken).ConfigureAwait(false);
        return new CommandOutput(outcome.Lines, outcome.Status switch
        {
            ReloadStatus.ConfigErrors => ExitCodes.UsageOrConfig,
            ReloadStatus.Refused => ExitCodes.ActionFailed,
            _ => ExitCodes.Success,
        });
    }

    private async Task<CommandOutput> TailAsync(string[] args, Func<string, ValueTask>? follow, CancellationToken cancellationToken)
    {
        if (TailArguments.Parse(args, out var error) is not { } tail)
            return new CommandOutput(error, ExitCodes.ActionFailed);
        var process = (await supervisor.SnapshotAsync().ConfigureAwait(false)).Find(tail.Name);
        if (process is null)
            return CommandOutput.Line($"{tail.Name}: ERROR (no such process name)", ExitCodes.ActionFailed);
        if (tail.Follow && follow is not null)
        {
            await FollowStreams.TailAsync(supervisor, process.FullName, tail.Stderr, tail.Lines, follow, cancellationToken).ConfigureAwait(false);
            return new CommandOutput([], ExitCodes.Success);
        }

        // N lines hold at least N bytes, so the last N lines contain the last N bytes.
        var bytes = await supervisor.TailAsync(process.FullName, tail.Stderr, tail.Bytes ?? tail.Lines).ConfigureAwait(false);
        if (tail.Bytes is { } count && bytes.Length > count)
            bytes = bytes[^count..];
        var text = Encoding.UTF8.GetString(bytes);
        return new CommandOutput(text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n'), ExitCodes.Success);
    }

    private async Task<CommandOutput> EventsAsync(string[] args, Func<string, ValueTask>? follow, CancellationToken cancellationToken)
    {
        var (count, following) = (TailArguments.DefaultLines, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-f":
                    following = true;
                    break;
                case "-n" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count):
                    i++;
                    break;
                case "-n":
                    return CommandOutput.Line(i + 1 < args.Length ? $"Error: -n needs a number of events, not '{args[i + 1]}'" : "Error: -n needs a number of events", ExitCodes.ActionFailed);
                case ['-', _, ..]:
                    return CommandOutput.Line($"Error: bad argument {args[i]}", ExitCodes.ActionFailed);
                default:
                    return CommandOutput.Line($"Error: events takes no process name ('{args[i]}'): events [-f] [-n N]", ExitCodes.ActionFailed);
            }
        }

        if (!following || follow is null)
            return new CommandOutput([.. supervisor.RecentEvents(count).Select(EventText.Format)], ExitCodes.Success);
        await FollowStreams.EventsAsync(supervisor, count, follow, cancellationToken).ConfigureAwait(false);
        return new CommandOutput([], ExitCodes.Success);
    }

    /// <summary>
    /// A line's words, split at whitespace. Control characters around them are dropped: a Ctrl-L
    /// typed before a command at a prompt that is not a terminal arrives in the line.
    /// </summary>
    public static string[] Words(string line)
    {
        static bool Blank(char c) => char.IsWhiteSpace(c) || char.IsControl(c);
        var (start, end) = (0, line.Length);
        while (start < end && Blank(line[start]))
            start++;
        while (end > start && Blank(line[end - 1]))
            end--;
        return line[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether a line follows (<c>tail -f</c>, <c>events -f</c>): it streams until cancelled rather than answering once.</summary>
    public static bool IsFollow(string line)
    {
        var words = Words(line);
        return words.Length > 0 && words[0] is ("tail" or "events") && words.Skip(1).Contains("-f");
    }

    /// <summary>supervisorctl's <c>pid</c>: the engine's, every process's (<c>all</c>), or one line per name in order.</summary>
    private CommandOutput Pid(string[] args, EngineSnapshot snapshot)
    {
        if (args.Length == 0)
            return CommandOutput.Line(supervisor.EnginePid.ToString(CultureInfo.InvariantCulture));
        if (args.Contains("all"))
            return new CommandOutput([.. snapshot.Processes.Select(p => PidOf(p).ToString(CultureInfo.InvariantCulture))], ExitCodes.Success);

        // As supervisorctl: each name sets the exit code it earns, the last one counting.
        var lines = new List<string>();
        var exit = ExitCodes.Success;
        foreach (var name in args)
        {
            if (snapshot.Find(name) is not { } process)
            {
                lines.Add($"No such process {name}");
                exit = ExitCodes.ActionFailed;
                continue;
            }

            var pid = PidOf(process);
            lines.Add(pid.ToString(CultureInfo.InvariantCulture));
            if (pid == 0)
                exit = ExitCodes.SpawnError;
        }

        return new CommandOutput(lines, exit);
    }

    private static int PidOf(ProcessSnapshot process) => process.State.IsRunningLike() ? process.Pid ?? 0 : 0;

    private static CommandOutput Help(string[] args) => args.Length == 0
        ? new CommandOutput(["default commands (type help <topic>):", "=====================================", string.Join(" ", CommandNames)], ExitCodes.Success)
        : new CommandOutput(CommandHelp.For(args[0]), ExitCodes.Success);

    /// <summary>supervisorctl's answer to a command given no process name: the error, then the command's help.</summary>
    private static List<string> Usage(string verb) => [$"Error: {verb} requires a process name", .. CommandHelp.For(verb)];

    /// <summary>The processes a stop applies to: every one named one by one, and the running ones of a wildcard.</summary>
    private static IEnumerable<string> Stoppable(TargetResolution targets) => targets.Processes
        .Where(p => targets.Named.Contains(p.FullName) || p.State is ProcessState.Running or ProcessState.Unhealthy or ProcessState.Starting or ProcessState.Backoff)
        .Select(p => p.FullName);

    private static string Line(ActionResult result) => result.Outcome switch
    {
        ActionOutcome.Started => $"{result.Process}: started",
        ActionOutcome.Stopped => $"{result.Process}: stopped",
        ActionOutcome.Signalled => $"{result.Process}: signalled",
        ActionOutcome.AlreadyStarted => $"{result.Process}: ERROR (already started)",
        ActionOutcome.NotRunning => $"{result.Process}: ERROR (not running)",
        ActionOutcome.SpawnError => $"{result.Process}: ERROR (spawn error)",
        ActionOutcome.NoSuchFile => $"{result.Process}: ERROR (no such file)",
        ActionOutcome.NotExecutable => $"{result.Process}: ERROR (file is not executable)",
        ActionOutcome.DependencyFailed => $"{result.Process}: ERROR (dependency failed)",
        ActionOutcome.ShuttingDown => $"{result.Process}: ERROR (shutting down)",
        _ => $"{result.Process}: ERROR (abnormal termination)",
    };

    /// <summary>supervisorctl: spawn errors and abnormal terminations are 7, refused starts 1, the rest 0.</summary>
    private static int ExitFor(IEnumerable<ActionResult> results) => results
        .Select(r => r.Outcome switch
        {
            ActionOutcome.SpawnError or ActionOutcome.AbnormalTermination or ActionOutcome.DependencyFailed => ExitCodes.SpawnError,
            ActionOutcome.NoSuchFile or ActionOutcome.NotExecutable or ActionOutcome.ShuttingDown => ExitCodes.ActionFailed,
            _ => ExitCodes.Success,
        })
        .DefaultIfEmpty(ExitCodes.Success)
        .Max();
}
