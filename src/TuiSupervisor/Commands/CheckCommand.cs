using TuiSupervisor.Cli;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Commands;

/// <summary><c>tuisupervisor check</c>: validate a config and start nothing.</summary>
internal static class CheckCommand
{
    public static int Run(ParsedCommand command, TextWriter stdout, TextWriter stderr)
    {
        var result = ConfigSource.Load(command.ConfigPath);
        foreach (var diagnostic in result.Diagnostics)
            stderr.WriteLine(diagnostic);
        if (result.Config is not { } config)
        {
            var count = result.Errors.Count();
            stderr.WriteLine($"{result.Diagnostics[0].File}: {count} error{(count == 1 ? "" : "s")}, nothing started");
            return ExitCodes.UsageOrConfig;
        }

        var programs = config.Programs.Count;
        var processes = config.Processes.Count();
        stdout.WriteLine($"{config.Source}: OK ({programs} program{(programs == 1 ? "" : "s")}, {processes} process{(processes == 1 ? "" : "es")})");
        return ExitCodes.Success;
    }
}
