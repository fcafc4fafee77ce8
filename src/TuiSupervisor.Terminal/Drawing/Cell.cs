namespace TuiSupervisor.Terminal;

/// <summary>
/// One terminal cell: the grapheme drawn there (a base character with its combining marks), its
/// width and style. A wide character is a cell of width 2 followed by a continuation cell
/// (width 0, empty text) that the terminal fills with the character's right half.
/// </summary>
public readonly record struct Cell(string Text, int Width, Style Style)
{
    private static readonly string[] AsciiText = BuildAsciiText();

    /// <summary>A space in the default style.</summary>
    public static Cell Blank => new(" ", 1, Style.Default);

    public bool IsContinuation => Width == 0;

    /// <summary>A space in <paramref name="style"/>.</summary>
    public static Cell BlankIn(Style style) => new(" ", 1, style);

    internal static Cell Continuation(Style style) => new("", 0, style);

    /// <summary>The shared string of a printable ASCII character (drawing text allocates nothing for it).</summary>
    internal static string TextOf(char ascii) => AsciiText[ascii];

    private static string[] BuildAsciiText()
    {
        var texts = new string[128];
        for (var c = 0; c < texts.Length; c++)
            texts[c] = ((char)c).ToString();
        return texts;
    }
}
