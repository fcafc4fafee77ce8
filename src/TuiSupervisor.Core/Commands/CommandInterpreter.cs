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
        ["status", "start", "stop", "restart", "signal", "reload", "update", "reread", "tail", "events", "pid", "help", "quit", "exit"];

    public async Task<CommandOutput> RunAsync(string line, CancellationToken cancellationToken = default)
    {
        var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return new CommandOutput([], ExitCodes.Success);
        var args = words[1..];
        return words[0] switch
        {
            "status" => Status(args, await supervisor.SnapshotAsync().ConfigureAwait(false)),
            "start" => await StartAsync(args, cancellationToken).ConfigureAwait(false),
            "stop" => await StopAsync(args, cancellationToken).ConfigureAwait(false),
            "restart" => await RestartAsync(args, cancellationToken).ConfigureAwait(false),
            "signal" => await SignalAsync(args, cancellationToken).ConfigureAwait(false),
            "tail" => await TailAsync(args).ConfigureAwait(false),
            "events" => Events(args),
            "pid" => Pid(args, await supervisor.SnapshotAsync().ConfigureAwait(false)),
            "reload" or "update" => await ReloadAsync(apply: true, cancellationToken).ConfigureAwait(false),
            "reread" => await ReloadAsync(apply: false, cancellationToken).ConfigureAwait(false),
            "help" => Help(args),
            "quit" or "exit" => new CommandOutput([], ExitCodes.Success, Quit: true),
            var other => CommandOutput.Line($"*** Unknown syntax: {other}", ExitCodes.ActionFailed),
        };
    }

    private CommandOutput Status(string[] args, EngineSnapshot snapshot)
    {
        var (processes, errors, _) = args.Length == 0
            ? ([.. snapshot.Processes], [], [])
            : TargetResolver.Resolve(args, snapshot.Processes);
        var ordered = processes.OrderBy(p => p.Group, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var lines = StatusText.Lines(ordered, time.GetUtcNow(), time.LocalTimeZone).Concat(errors.Select(e => e.ToString())).ToList();
        var exit = errors.Count > 0 ? ExitCodes.UnknownOrNoEngine : ordered.Any(p => p.State.IsDown()) ? ExitCodes.NotRunning : ExitCodes.Success;
        return new CommandOutput(lines, exit);
    }

    private async Task<CommandOutput> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
            return new CommandOutput(Usage("start", "Start"), ExitCodes.UsageOrConfig);
        var (processes, errors, named) = TargetResolver.Resolve(args, (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        var startable = processes.Where(p => named.Contains(p.FullName) || p.State is not (ProcessState.Running or ProcessState.Unhealthy or ProcessState.Starting or ProcessState.Backoff));
        var results = await supervisor.StartAsync([.. startable.Select(p => p.FullName)], cancellationToken).ConfigureAwait(false);
        var exit = errors.Any(e => e.Message == "no such group") ? ExitCodes.UsageOrConfig : errors.Count > 0 ? ExitCodes.ActionFailed : ExitCodes.Success;
        return new CommandOutput([.. results.Select(Line), .. errors.Select(e => e.ToString())], Math.Max(exit, ExitFor(results)));
    }

    private async Task<CommandOutput> StopAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
            return new CommandOutput(Usage("stop", "Stop"), ExitCodes.ActionFailed);
        var (processes, errors, named) = TargetResolver.Resolve(args, (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        var results = await supervisor.StopAsync([.. Stoppable(processes, named)], cancellationToken).ConfigureAwait(false);
        return new CommandOutput([.. results.Select(Line), .. errors.Select(e => e.ToString())], errors.Count > 0 ? ExitCodes.ActionFailed : ExitCodes.Success);
    }

    private async Task<CommandOutput> RestartAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
            return new CommandOutput([.. Usage("restart", "Restart"), "Note: restart does not reread config files. For that, see reread and update."], ExitCodes.ActionFailed);
        var (processes, errors, named) = TargetResolver.Resolve(args, (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        var stopped = await supervisor.StopAsync([.. Stoppable(processes, named)], cancellationToken).ConfigureAwait(false);
        var started = await supervisor.StartAsync([.. processes.Select(p => p.FullName)], cancellationToken).ConfigureAwait(false);
        var errorLines = errors.Select(e => e.ToString()).ToList();
        return new CommandOutput([.. stopped.Select(Line), .. errorLines, .. started.Select(Line), .. errorLines], Math.Max(errors.Count > 0 ? ExitCodes.ActionFailed : ExitCodes.Success, ExitFor(started)));
    }

    private async Task<CommandOutput> SignalAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 2)
            return new CommandOutput(
                [
                    "Error: signal requires a signal name and a process name",
                    "signal <signal name> <name>\t\tSignal a process",
                    "signal <signal name> <gname>:*\t\tSignal all processes in a group",
                    "signal <signal name> <name> <name>\tSignal multiple processes or groups",
                    "signal <signal name> all\t\tSignal all processes",
                ],
                ExitCodes.UsageOrConfig);
        var (processes, errors, named) = TargetResolver.Resolve(args[1..], (await supervisor.SnapshotAsync().ConfigureAwait(false)).Processes);
        if (!Signals.TryParse(args[0], out var signal))
            return new CommandOutput([.. processes.Select(p => $"{p.FullName}: ERROR (bad signal name)"), .. errors.Select(e => e.ToString())], ExitCodes.ActionFailed);
        var signallable = processes.Where(p => named.Contains(p.FullName) || p.State is ProcessState.Running or ProcessState.Unhealthy or ProcessState.Starting or ProcessState.Stopping);
        var results = await supervisor.SignalAsync(signal, [.. signallable.Select(p => p.FullName)], cancellationToken).ConfigureAwait(false);
        var exit = errors.Count > 0 || results.Any(r => r.Outcome != ActionOutcome.Signalled) ? ExitCodes.ActionFailed : ExitCodes.Success;
        return new CommandOutput([.. results.Select(Line), .. errors.Select(e => e.ToString())], exit);
    }

    private async Task<CommandOutput> ReloadAsync(bool apply, CancellationToken cancellationToken)
    {
        var outcome = await supervisor.ReloadAsync(apply, cancellationToken).ConfigureAwait(false);
        return new CommandOutput(outcome.Lines, outcome.Failed ? ExitCodes.UsageOrConfig : ExitCodes.Success);
    }

    private async Task<CommandOutput> TailAsync(string[] args)
    {
        var lines = 20;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "-n" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                lines = n;
                i++;
            }
            else if (args[i] != "-f")
            {
                rest.Add(args[i]);
            }
        }

        if (rest.Count is 0 or > 2 || (rest.Count == 2 && rest[1] is not ("stdout" or "stderr")))
            return CommandOutput.Line("Error: tail requires a process name: tail [-f] [-n N] NAME [stdout|stderr]", ExitCodes.UsageOrConfig);
        var process = (await supervisor.SnapshotAsync().ConfigureAwait(false)).Find(rest[0]);
        if (process is null)
            return CommandOutput.Line($"{rest[0]}: ERROR (no such process name)", ExitCodes.ActionFailed);
        var bytes = await supervisor.TailAsync(process.FullName, rest.Count == 2 && rest[1] == "stderr", lines).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(bytes);
        return new CommandOutput(text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n'), ExitCodes.Success);
    }

    private CommandOutput Events(string[] args)
    {
        var count = args.Length == 2 && args[0] == "-n" && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20;
        return new CommandOutput([.. supervisor.RecentEvents(count).Select(EventText.Format)], ExitCodes.Success);
    }

    private CommandOutput Pid(string[] args, EngineSnapshot snapshot)
    {
        if (args.Length == 0)
            return CommandOutput.Line(supervisor.EnginePid.ToString(CultureInfo.InvariantCulture));
        if (args[0] == "all")
            return new CommandOutput([.. snapshot.Processes.Select(p => (p.State.IsRunningLike() ? p.Pid ?? 0 : 0).ToString(CultureInfo.InvariantCulture))], ExitCodes.Success);
        var process = snapshot.Find(args[0]);
        if (process is null)
            return CommandOutput.Line($"No such process {args[0]}", ExitCodes.ActionFailed);
        return process.Pid is { } pid && process.State.IsRunningLike()
            ? CommandOutput.Line(pid.ToString(CultureInfo.InvariantCulture))
            : CommandOutput.Line("0", ExitCodes.SpawnError);
    }

    private static CommandOutput Help(string[] args) => args.Length == 0
        ? new CommandOutput(["default commands (type help <topic>):", "=====================================", string.Join(" ", CommandNames)], ExitCodes.Success)
        : CommandOutput.Line(args[0] switch
        {
            "status" => "status [<name>...]\tGet status for processes (all when none is named)",
            "start" => "start <name>...\tStart processes (all, <gname>:*, <gname>:<name>, <name>)",
            "stop" => "stop <name>...\tStop processes",
            "restart" => "restart <name>...\tStop, then start processes",
            "signal" => "signal <signal> <name>...\tSend a signal (HUP, USR1, …) to processes",
            "tail" => "tail [-f] [-n N] <name> [stdout|stderr]\tThe last N lines (default 20) of a process's output",
            "events" => "events [-n N]\tThe engine's recent events",
            "pid" => "pid [<name>]\tThe engine's pid, or a process's",
            "reload" or "update" => "reload\tRe-read the config and apply the difference: added programs start, removed ones stop, changed ones restart, the rest are not touched",
            "reread" => "reread\tShow what reload would change, changing nothing",
            "quit" or "exit" => "quit\tStop every process and exit",
            var other => $"*** No help on {other}",
        });

    /// <summary>supervisorctl's usage lines for a command given no process name.</summary>
    private static List<string> Usage(string verb, string action) =>
    [
        $"Error: {verb} requires a process name",
        $"{verb} <name>\t\t{action} a process",
        $"{verb} <gname>:*\t\t{action} all processes in a group",
        $"{verb} <name> <name>\t{action} multiple processes or groups",
        $"{verb} all\t\t{action} all processes",
    ];

    /// <summary>The processes a stop applies to: every one named one by one, and the running ones of a wildcard.</summary>
    private static IEnumerable<string> Stoppable(IEnumerable<ProcessSnapshot> processes, HashSet<string> named) => processes
        .Where(p => named.Contains(p.FullName) || p.State is ProcessState.Running or ProcessState.Unhealthy or ProcessState.Starting or ProcessState.Backoff)
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
        _ => $"{result.Process}: ERROR (abnormal termination)",
    };

    /// <summary>supervisorctl: spawn errors and abnormal terminations are 7, refused starts 1, the rest 0.</summary>
    private static int ExitFor(IEnumerable<ActionResult> results) => results
        .Select(r => r.Outcome switch
        {
            ActionOutcome.SpawnError or ActionOutcome.AbnormalTermination or ActionOutcome.DependencyFailed => ExitCodes.SpawnError,
            ActionOutcome.NoSuchFile or ActionOutcome.NotExecutable => ExitCodes.ActionFailed,
            _ => ExitCodes.Success,
        })
        .DefaultIfEmpty(ExitCodes.Success)
        .Max();
}
