namespace TuiSupervisor.Core.Commands;

/// <summary>What one command printed and its supervisorctl exit code; <see cref="Quit"/> ends the shell.</summary>
public sealed record CommandOutput(IReadOnlyList<string> Lines, int ExitCode, bool Quit = false)
{
    public static CommandOutput Line(string line, int exitCode = 0) => new([line], exitCode);
}
