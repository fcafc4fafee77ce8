namespace TuiSupervisor.Core.Config.Ini;

/// <summary>Collects the errors and warnings of one INI read, each once, in the order found.</summary>
internal sealed class IniDiagnostics
{
    private readonly List<ConfigDiagnostic> _items = [];

    /// <summary>In the order a person reads the files: by file (as first met), then line and column.</summary>
    public IReadOnlyList<ConfigDiagnostic> Items
    {
        get
        {
            var files = _items.Select(d => d.File).Distinct().ToList();
            return [.. _items.OrderBy(d => files.IndexOf(d.File)).ThenBy(d => d.Line).ThenBy(d => d.Column)];
        }
    }

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
