namespace TuiSupervisor.Terminal;

/// <summary>How a <see cref="LineReader.ReadAsync"/> ended.</summary>
public enum LineReadKind
{
    /// <summary>Enter: <see cref="LineReadResult.Text"/> holds the line.</summary>
    Line,

    /// <summary>Ctrl-D on an empty line (end of input).</summary>
    EndOfInput,

    /// <summary>Ctrl-C: the line was abandoned.</summary>
    Interrupted,
}
