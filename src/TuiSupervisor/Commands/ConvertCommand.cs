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
        if (Path.GetExtension(input).Equals(".toml", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"tuisupervisor convert: {input} is already TOML; convert reads supervisord .conf/.ini files");
            return ExitCodes.UsageOrConfig;
        }

        if (command.OutputPath is { } target && Canonical(target) == Canonical(input))
        {
            stderr.WriteLine($"tuisupervisor convert: {target} is the file being converted; write the TOML to another file (nothing written)");
            return ExitCodes.UsageOrConfig;
        }

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

    /// <summary>
    /// The file a path names, its folder and the file itself followed through symbolic links,
    /// so that <c>-o ./x.conf</c>, an absolute path or a link to the input all count as the input.
    /// </summary>
    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) is { } parent ? Canonical(parent) : null;
        var name = Path.GetFileName(full);
        var resolved = folder is null || name.Length == 0 ? full : Path.Combine(folder, name);
        var link = new FileInfo(resolved);
        return link.Exists || link.LinkTarget is not null ? link.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? resolved : resolved;
    }
}
