namespace TuiSupervisor.Core.Config;

/// <summary>A config read from a file: the config when there was no error, and every diagnostic found.</summary>
public sealed record ConfigLoadResult(SupervisorConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
