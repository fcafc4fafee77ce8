namespace TuiSupervisor.Toml;

/// <summary>
/// Carries the first syntax error out of the recursive descent to <see cref="TomlDocument.TryParse"/>,
/// the only place that catches it. Threading a failure result through every reader would double the
/// size of the parser for a path that is taken at most once per document; callers never see this
/// type, they get a <see cref="TomlError"/>.
/// </summary>
internal sealed class TomlSyntaxException(TomlError error) : Exception(error.ToString())
{
    public TomlError Error { get; } = error;
}
