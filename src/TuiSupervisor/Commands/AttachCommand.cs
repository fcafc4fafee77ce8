using TuiSupervisor.Cli;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui;

namespace TuiSupervisor.Commands;

/// <summary>
/// <c>tuisupervisor attach</c>: the same TUI over a running engine's control socket; quitting
/// leaves only the client, the engine and its processes go on.
/// </summary>
internal static class AttachCommand
{
    public static async Task<int> RunAsync(ParsedCommand command, TextWriter error)
    {
        if (!PosixTerminal.IsInteractive)
        {
            error.WriteLine("tuisupervisor attach: the TUI needs a terminal (stdin and stdout are not one); use 'tuisupervisor ctl' from scripts");
            return ExitCodes.UsageOrConfig;
        }

        var socket = EngineSocket.Find(command);
        var configTheme = command.SocketPath is null && ConfigSource.Load(command.ConfigPath).Config is { } config ? config.Supervisor.Theme : "default";
        var (theme, mode, problems) = TuiAppearance.Choose(command.Theme, configTheme, null, command.NoColor, Environment.GetEnvironmentVariable);
        if (theme is null)
        {
            foreach (var problem in problems)
                error.WriteLine(problem);
            return ExitCodes.UsageOrConfig;
        }

        ControlClient client;
        try
        {
            client = await ControlClient.ConnectAsync(socket.Path).ConfigureAwait(false);
        }
        catch (ControlUnavailableException e)
        {
            socket.ReportUnreachable(error, "attach", e);
            return ExitCodes.UnknownOrNoEngine;
        }

        await using (client.ConfigureAwait(false))
            return await new TuiRunner(client, null, theme, mode).RunAsync(client.Disconnected).ConfigureAwait(false);
    }
}
