namespace TuiSupervisor.Toml;

/// <summary>A 1-based line and column (columns count UTF-16 code units after the line start).</summary>
public readonly record struct TomlPosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
