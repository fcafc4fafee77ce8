using System.Globalization;

namespace TuiSupervisor.Bench.Measurement;

/// <summary>The helper's `lines` output regenerated, to check a log byte for byte.</summary>
internal static class LineStream
{
    private const int LineLength = 100;

    /// <summary>Null when <paramref name="path"/> holds exactly the helper's first <paramref name="bytes"/> bytes; else where it differs.</summary>
    public static string? Verify(string path, long bytes)
    {
        var length = new FileInfo(path).Length;
        if (length != bytes)
            return $"the log has {length} bytes, not {bytes}";
        using var file = new BufferedStream(File.OpenRead(path), 1 << 20);
        var actual = new byte[LineLength];
        var expected = new byte[LineLength];
        for (long line = 0; line < bytes / LineLength; line++)
        {
            file.ReadExactly(actual);
            Fill(expected, line);
            if (!actual.AsSpan().SequenceEqual(expected))
                return $"line {line} differs";
        }

        return null;
    }

    // As fill_line in benchhelper.c: 19 digits, a space, 79 copies of one letter, a newline.
    private static void Fill(byte[] line, long number)
    {
        var digits = number.ToString("D19", CultureInfo.InvariantCulture);
        for (var i = 0; i < 19; i++)
            line[i] = (byte)digits[i];
        line[19] = (byte)' ';
        line.AsSpan(20, 79).Fill((byte)('a' + (number % 26)));
        line[99] = (byte)'\n';
    }
}
