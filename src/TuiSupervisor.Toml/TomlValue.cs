namespace TuiSupervisor.Toml;

/// <summary>
/// Any node of a parsed document. Every node remembers where its text starts so that a
/// configuration error found long after parsing can still point at the line and column.
/// </summary>
public abstract class TomlValue(TomlPosition position)
{
    public TomlPosition Position { get; internal set; } = position;

    /// <summary>The TOML type name used in messages: "string", "integer", "table", …</summary>
    public abstract string TypeName { get; }
}

public sealed class TomlString(string value, TomlPosition position) : TomlValue(position)
{
    public string Value { get; } = value;
    public override string TypeName => "string";
}

public sealed class TomlInteger(long value, TomlPosition position) : TomlValue(position)
{
    public long Value { get; } = value;
    public override string TypeName => "integer";
}

public sealed class TomlFloat(double value, TomlPosition position) : TomlValue(position)
{
    public double Value { get; } = value;
    public override string TypeName => "float";
}

public sealed class TomlBoolean(bool value, TomlPosition position) : TomlValue(position)
{
    public bool Value { get; } = value;
    public override string TypeName => "boolean";
}
