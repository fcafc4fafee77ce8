using TuiSupervisor.Cli;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Config.Ini;

namespace TuiSupervisor.Commands;

/// <summary><c>tuisupervisor convert SUPERVISORD.conf [-o OUT.toml]</c>: the equivalent TOML config.</summary>
internal static class ConvertCommand
{
    public static int Run(ParsedCommand command, TextWriter stdout, TextWriter stderr)
    {
        var input = command.Arguments[0];
        var result = IniConversion.Convert(input, command.OutputPath);
        foreach (var diagnostic in result.Diagnostics)
            stderr.WriteLine(diagnostic);
        if (result.Toml is not { } toml)
        {
            var count = result.Diagnostics.Count(d => d.Severity == Core.Config.DiagnosticSeverity.Error);
            stderr.WriteLine($"{input}: {count} error{(count == 1 ? "" : "s")}, nothing converted");
            return ExitCodes.UsageOrConfig;
        }

        if (command.OutputPath is not { } output)
        {
            stdout.Write(toml);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(output, toml);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"tuisupervisor convert: cannot write {output}: {e.Message}");
            return ExitCodes.UsageOrConfig;
        }

        stderr.WriteLine($"{output}: written; check it with 'tuisupervisor check -c {output}'");
        return ExitCodes.Success;
    }
}
