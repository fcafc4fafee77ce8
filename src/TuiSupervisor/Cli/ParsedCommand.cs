namespace TuiSupervisor.Cli;

/// <summary>A command line understood: which subcommand, and its options.</summary>
internal sealed record ParsedCommand(CommandKind Kind)
{
    public string? ConfigPath { get; init; }
    public string? SocketPath { get; init; }
    public bool Headless { get; init; }
    public string? Theme { get; init; }
    public bool NoColor { get; init; }
    public bool Json { get; init; }
    public string? OutputPath { get; init; }

    /// <summary>For <see cref="CommandKind.Help"/>: the subcommand whose help was asked for.</summary>
    public CommandKind HelpFor { get; init; } = CommandKind.Run;

    /// <summary>Positional arguments: the ctl command and its arguments, or convert's input file.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
