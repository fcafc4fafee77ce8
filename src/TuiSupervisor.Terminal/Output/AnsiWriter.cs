using System.Buffers;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>Appends escape sequences and text to a byte buffer without allocating.</summary>
internal static class AnsiWriter
{
    public static void Ascii(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
            span[i] = (byte)text[i];
        output.Advance(text.Length);
    }

    public static void Text(IBufferWriter<byte> output, string text)
    {
        if (text.Length == 1 && text[0] < 0x80)
        {
            output.GetSpan(1)[0] = (byte)text[0];
            output.Advance(1);
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    public static void Number(IBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(11);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>CUP: moves the cursor to 0-based (x, y).</summary>
    public static void MoveTo(IBufferWriter<byte> output, int x, int y)
    {
        Ascii(output, "\e[");
        Number(output, y + 1);
        Ascii(output, ";");
        Number(output, x + 1);
        Ascii(output, "H");
    }

    /// <summary>One SGR that sets the whole style from scratch (it starts with 0, a reset).</summary>
    public static void Sgr(IBufferWriter<byte> output, Style style, ColorMode mode)
    {
        Ascii(output, "\e[0");
        var attributes = style.Attributes;
        if (attributes != TextAttributes.None)
        {
            if (attributes.HasFlag(TextAttributes.Bold))
                Ascii(output, ";1");
            if (attributes.HasFlag(TextAttributes.Dim))
                Ascii(output, ";2");
            if (attributes.HasFlag(TextAttributes.Italic))
                Ascii(output, ";3");
            if (attributes.HasFlag(TextAttributes.Underline))
                Ascii(output, ";4");
            if (attributes.HasFlag(TextAttributes.Reverse))
                Ascii(output, ";7");
            if (attributes.HasFlag(TextAttributes.Strikethrough))
                Ascii(output, ";9");
        }

        ColorCode(output, ColorPalette.Downgrade(style.Foreground, mode), foreground: true);
        ColorCode(output, ColorPalette.Downgrade(style.Background, mode), foreground: false);
        Ascii(output, "m");
    }

    private static void ColorCode(IBufferWriter<byte> output, Color color, bool foreground)
    {
        switch (color.Kind)
        {
            case ColorKind.Default:
                return;
            case ColorKind.Ansi:
                Ascii(output, ";");
                Number(output, (color.Value < 8 ? (foreground ? 30 : 40) : (foreground ? 90 : 100) - 8) + color.Value);
                return;
            case ColorKind.Indexed:
                Ascii(output, foreground ? ";38;5;" : ";48;5;");
                Number(output, color.Value);
                return;
            default:
                Ascii(output, foreground ? ";38;2;" : ";48;2;");
                Number(output, color.R);
                Ascii(output, ";");
                Number(output, color.G);
                Ascii(output, ";");
                Number(output, color.B);
                return;
        }
    }
}
