using System.Runtime.InteropServices;
using TuiSupervisor.Cli;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Headless;
using TuiSupervisor.Logging;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui;

namespace TuiSupervisor.Commands;

/// <summary>The default command: run the engine on a config, in the TUI or headless.</summary>
internal static class RunCommand
{
    /// <summary>SIGUSR2 has no name in <see cref="PosixSignal"/>; the runtime takes the raw number.</summary>
    private const PosixSignal SigUsr2 = (PosixSignal)12;

    public static async Task<int> RunAsync(ParsedCommand command)
    {
        var result = ConfigSource.Load(command.ConfigPath);
        foreach (var diagnostic in result.Diagnostics)
            Console.Error.WriteLine(diagnostic);
        if (result.Config is not { } config)
        {
            Console.Error.WriteLine("nothing started: fix the config and run again ('tuisupervisor check' lists the problems)");
            return ExitCodes.UsageOrConfig;
        }

        Theme? theme = null;
        var colorMode = ColorMode.None;
        if (!command.Headless)
        {
            // Checked before anything starts: a TUI that cannot open leaves no processes behind.
            if (!PosixTerminal.IsInteractive)
            {
                Console.Error.WriteLine("tuisupervisor: the TUI needs a terminal (stdin and stdout are not one); run with --headless under systemd, nohup or a pipe");
                return ExitCodes.UsageOrConfig;
            }

            var configDirectory = File.Exists(config.Source) ? Path.GetDirectoryName(Path.GetFullPath(config.Source)) : null;
            (theme, colorMode, var problems) = TuiAppearance.Choose(command.Theme, config.Supervisor.Theme, configDirectory, command.NoColor, Environment.GetEnvironmentVariable);
            foreach (var problem in problems)
                Console.Error.WriteLine(problem);
            if (theme is null)
                return ExitCodes.UsageOrConfig;
        }

        // The pidfile is a lock: a second engine on the same config must not supervise (and
        // stop, as leftovers) the first one's processes.
        if (!PidFileLock.TryAcquire(config.Supervisor.PidFile, out var pidLock, out var lockError))
        {
            Console.Error.WriteLine($"tuisupervisor: {lockError}; nothing started");
            return ExitCodes.UsageOrConfig;
        }

        using var heldLock = pidLock;
        var grace = config.Programs.Select(p => p.StopWait).DefaultIfEmpty(TimeSpan.FromSeconds(10)).Max();
        var leftovers = await Supervisor.StopLeftoversAsync(config.Supervisor.PidFile, grace, TimeProvider.System).ConfigureAwait(false);

        var socketPath = ControlSocketPath.For(config, Environment.GetEnvironmentVariable);
        if (!ControlServer.TryListen(socketPath, TimeProvider.System, out var control, out var socketError))
        {
            Console.Error.WriteLine($"tuisupervisor: {socketError}; nothing started");
            return ExitCodes.UsageOrConfig;
        }

        // supervisord tells its children where to reach it; so do we (programs run ctl with it).
        var environment = EnvironmentVariables.Read();
        environment["SUPERVISOR_SERVER_URL"] = "unix://" + control!.Path;

        // Plain streams over the standard handles, outliving the engine so that its last
        // events still have somewhere to go.
        using var input = new StreamReader(Console.OpenStandardInput());
        using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        using var activity = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        var supervisor = new Supervisor(config, () => ConfigSource.Load(command.ConfigPath), TimeProvider.System, environment, config.Supervisor.PidFile)
        {
            UserSwitchLauncher = SelfLauncher.Command(),
        };
        await using (supervisor.ConfigureAwait(false))
        {
            using var activityLog = ActivityLog.Start(config.Supervisor, supervisor);

            // SIGUSR2 (logrotate's postrotate): every log file reopens by its name, in both modes.
            using var reopen = PosixSignalRegistration.Create(SigUsr2, context =>
            {
                context.Cancel = true;
                _ = supervisor.ReopenLogFilesAsync();
                activityLog?.Reopen();
            });
            if (theme is not null)
                return await RunTuiAsync(supervisor, control, leftovers, theme, colorMode).ConfigureAwait(false);
            using var console = PosixTerminal.IsInteractive
                ? (IShellConsole)new TerminalConsole(supervisor, HeadlessShell.Prompt, Console.IsErrorRedirected ? activity : null)
                : new StreamConsole(input, output, activity, endOfInputQuits: !Console.IsInputRedirected);
            var shell = new HeadlessShell(supervisor, console);
            control.Start(supervisor, shell.RequestShutdown, message => supervisor.Announce(EventLevel.Warn, message));
            try
            {
                return await shell.RunAsync(leftovers).ConfigureAwait(false);
            }
            finally
            {
                // After the shutdown, so that a 'ctl shutdown' still gets its answer.
                await control.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunTuiAsync(Supervisor supervisor, ControlServer control, IEnumerable<string> leftovers, Theme theme, ColorMode colorMode)
    {
        var tui = new TuiRunner(supervisor, supervisor, theme, colorMode);
        control.Start(supervisor, tui.RequestShutdown, message => supervisor.Announce(EventLevel.Warn, message));
        try
        {
            foreach (var notice in leftovers)
                supervisor.Announce(EventLevel.Warn, notice);
            await supervisor.StartAutostartProgramsAsync().ConfigureAwait(false);
            return await tui.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            await control.DisposeAsync().ConfigureAwait(false);
        }
    }
}
