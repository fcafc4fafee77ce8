using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>Collects every problem of one config read, so that all of them are reported at once.</summary>
internal sealed class Diagnostics(string file)
{
    private readonly List<ConfigDiagnostic> _items = [];

    public string File { get; } = file;

    /// <summary>In file order, as a person reads them; problems with no position come first.</summary>
    public IReadOnlyList<ConfigDiagnostic> Items => [.. _items.OrderBy(d => d.Line).ThenBy(d => d.Column)];

    public bool HasErrors => _items.Count > 0;

    /// <summary>Adds a problem once: the processes of one program share their options, and so their mistakes.</summary>
    public void Error(TomlPosition at, string message)
    {
        var diagnostic = new ConfigDiagnostic(DiagnosticSeverity.Error, File, at.Line, at.Column, message);
        if (!_items.Contains(diagnostic))
            _items.Add(diagnostic);
    }
}
