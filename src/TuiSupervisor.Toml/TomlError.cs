namespace TuiSupervisor.Toml;

/// <summary>A syntax error: where it is and what was expected there.</summary>
public sealed record TomlError(TomlPosition Position, string Message)
{
    public override string ToString() => $"{Position.Line}:{Position.Column}: {Message}";
}
