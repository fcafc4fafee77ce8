namespace TuiSupervisor.Core.Config.Ini;

/// <summary>Collects the errors and warnings of one INI read, each once, in the order found.</summary>
internal sealed class IniDiagnostics
{
    private readonly List<ConfigDiagnostic> _items = [];

    public IReadOnlyList<ConfigDiagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(IniPlace at, string message) => Add(DiagnosticSeverity.Error, at, message);

    public void Warning(IniPlace at, string message) => Add(DiagnosticSeverity.Warning, at, message);

    private void Add(DiagnosticSeverity severity, IniPlace at, string message)
    {
        var diagnostic = new ConfigDiagnostic(severity, at.File, at.Line, at.Column, message);
        if (!_items.Contains(diagnostic))
            _items.Add(diagnostic);
    }
}
