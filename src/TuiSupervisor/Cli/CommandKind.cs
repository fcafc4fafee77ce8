namespace TuiSupervisor.Cli;

/// <summary>The subcommands of spec section 2; <see cref="Run"/> is the TUI or headless engine.</summary>
internal enum CommandKind
{
    Run,
    Attach,
    Ctl,
    Check,
    Convert,
    Help,
    Version,
}
