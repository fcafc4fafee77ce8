namespace TuiSupervisor.Terminal;

/// <summary>What <see cref="LineReader.ReadAsync"/> returns: a line, the end of input, or an interruption.</summary>
public readonly record struct LineReadResult(LineReadKind Kind, string Text)
{
    public static LineReadResult EndOfInput => new(LineReadKind.EndOfInput, "");

    public static LineReadResult Interrupted => new(LineReadKind.Interrupted, "");

    public static LineReadResult Of(string line) => new(LineReadKind.Line, line);
}
