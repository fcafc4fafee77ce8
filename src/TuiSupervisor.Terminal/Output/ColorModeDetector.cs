namespace TuiSupervisor.Terminal;

/// <summary>Chooses the <see cref="ColorMode"/> from the environment, as most terminal programs do.</summary>
public static class ColorModeDetector
{
    /// <summary>From this process's environment.</summary>
    public static ColorMode Detect(bool noColor) => Detect(Environment.GetEnvironmentVariable, noColor);

    /// <summary>
    /// <paramref name="noColor"/> (<c>--no-color</c>) or a non-empty <c>NO_COLOR</c> (no-color.org)
    /// or <c>TERM=dumb</c>: <see cref="ColorMode.None"/>; <c>COLORTERM</c> of <c>truecolor</c> or
    /// <c>24bit</c>, or a TERM ending in <c>-direct</c>: <see cref="ColorMode.TrueColor"/>; a TERM
    /// containing <c>256color</c>: <see cref="ColorMode.Indexed256"/>; anything else:
    /// <see cref="ColorMode.Ansi16"/>, which every colour terminal (and tmux) shows.
    /// </summary>
    public static ColorMode Detect(Func<string, string?> environment, bool noColor)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var term = environment("TERM") ?? "";
        if (noColor || !string.IsNullOrEmpty(environment("NO_COLOR")) || term == "dumb")
            return ColorMode.None;
        var colorTerm = environment("COLORTERM") ?? "";
        if (colorTerm.Equals("truecolor", StringComparison.OrdinalIgnoreCase) || colorTerm.Equals("24bit", StringComparison.OrdinalIgnoreCase)
            || term.EndsWith("-direct", StringComparison.Ordinal))
            return ColorMode.TrueColor;
        if (term.Contains("256color", StringComparison.Ordinal))
            return ColorMode.Indexed256;
        return ColorMode.Ansi16;
    }
}
