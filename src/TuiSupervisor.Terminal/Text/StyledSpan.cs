namespace TuiSupervisor.Terminal;

/// <summary>A run of text in one style.</summary>
public readonly record struct StyledSpan(string Text, Style Style)
{
    /// <summary>Columns the text takes.</summary>
    public int Width => CellWidth.Of(Text);
}
