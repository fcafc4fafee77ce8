namespace TuiSupervisor.Terminal;

/// <summary>How a cell is drawn: colours and attributes.</summary>
public readonly record struct Style(Color Foreground, Color Background, TextAttributes Attributes = TextAttributes.None)
{
    /// <summary>The terminal's default colours, no attributes.</summary>
    public static Style Default => default;

    public Style WithForeground(Color foreground) => this with { Foreground = foreground };

    public Style WithBackground(Color background) => this with { Background = background };

    /// <summary>Replaces the attributes.</summary>
    public Style WithAttributes(TextAttributes attributes) => this with { Attributes = attributes };

    /// <summary>Adds attributes to those already set.</summary>
    public Style Add(TextAttributes attributes) => this with { Attributes = Attributes | attributes };

    /// <summary>
    /// This style laid over <paramref name="below"/>: colours that are <see cref="Color.Default"/>
    /// here show the ones below, attributes add up. A highlight drawn over a styled span keeps the
    /// span's colour where the highlight sets none.
    /// </summary>
    public Style Over(Style below) => new(
        Foreground.IsDefault ? below.Foreground : Foreground,
        Background.IsDefault ? below.Background : Background,
        Attributes | below.Attributes);

    public override string ToString() => $"{Foreground} on {Background}" + (Attributes == TextAttributes.None ? "" : $" {Attributes}");
}
