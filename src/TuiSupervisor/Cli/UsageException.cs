namespace TuiSupervisor.Cli;

/// <summary>A command line that cannot be understood; the message is shown with a pointer to --help.</summary>
internal sealed class UsageException(string message, CommandKind command) : Exception(message)
{
    public CommandKind Command { get; } = command;
}
