using System.Reflection;
using TuiSupervisor.Cli;
using TuiSupervisor.Commands;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor;

internal static class Program
{
    /// <summary>supervisord's exit status for a child that could not become its program.</summary>
    private const int CouldNotExec = 127;

    private static async Task<int> Main(string[] args)
    {
        if (args is [UserSwitch.Mode, .. var trampoline])
        {
            Console.Error.WriteLine("supervisor: " + UserSwitch.Exec(trampoline));
            return CouldNotExec;
        }

        ParsedCommand command;
        try
        {
            command = CommandLineParser.Parse(args);
        }
        catch (UsageException e)
        {
            var sub = e.Command == CommandKind.Run ? "" : " " + e.Command.ToString().ToLowerInvariant();
            Console.Error.WriteLine($"tuisupervisor{sub}: {e.Message}. See 'tuisupervisor{sub} --help'.");
            return ExitCodes.UsageOrConfig;
        }

        return command.Kind switch
        {
            CommandKind.Help => Print(HelpText.For(command.HelpFor)),
            CommandKind.Version => Print("tuisupervisor " + Version()),
            CommandKind.Check => CheckCommand.Run(command, Console.Out, Console.Error),
            CommandKind.Convert => ConvertCommand.Run(command, Console.Out, Console.Error),
            CommandKind.Run => await RunCommand.RunAsync(command).ConfigureAwait(false),
            CommandKind.Ctl => await CtlCommand.RunAsync(command, Console.Out, Console.Error).ConfigureAwait(false),
            _ => await AttachCommand.RunAsync(command, Console.Error).ConfigureAwait(false),
        };
    }

    private static int Print(string text)
    {
        Console.Out.WriteLine(text);
        return ExitCodes.Success;
    }

    private static string Version() =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
