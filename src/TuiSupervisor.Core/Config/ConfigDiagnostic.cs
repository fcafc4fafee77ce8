namespace TuiSupervisor.Core.Config;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>One problem found in a config file, pointing at the place it was written.</summary>
public sealed record ConfigDiagnostic(DiagnosticSeverity Severity, string File, int Line, int Column, string Message)
{
    public static ConfigDiagnostic Error(string file, int line, int column, string message) =>
        new(DiagnosticSeverity.Error, file, line, column, message);

    /// <summary><c>FILE:LINE:COL: message</c>, with <c>warning: </c> before the message of a warning.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Severity == DiagnosticSeverity.Warning ? $"{where}: warning: {Message}" : $"{where}: {Message}";
    }
}
