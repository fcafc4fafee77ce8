using System.Globalization;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// supervisord's value types (its <c>datatypes.py</c>), as strictly as it reads them, so that a
/// value it rejects is rejected here too. Each returns null when the text is not valid.
/// </summary>
internal static class IniValues
{
    public const string BooleanWords = "true, false, yes, no, on, off, 1 or 0";

    public static bool? Boolean(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => null,
    };

    /// <summary>Python's <c>int()</c>: surrounding whitespace, a sign, digits (underscores between them).</summary>
    public static long? Integer(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('_') || trimmed.EndsWith('_') || trimmed.Contains("__", StringComparison.Ordinal))
            return null;
        return long.TryParse(trimmed.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary><c>byte_size</c>: an integer with an optional <c>KB</c>, <c>MB</c> or <c>GB</c> (1024-based, any case).</summary>
    public static long? ByteSize(string text)
    {
        var lower = text.ToLowerInvariant();
        long multiplier = lower.EndsWith("kb", StringComparison.Ordinal) ? 1024
            : lower.EndsWith("mb", StringComparison.Ordinal) ? 1024 * 1024
            : lower.EndsWith("gb", StringComparison.Ordinal) ? 1024L * 1024 * 1024
            : 1;
        var number = Integer(multiplier == 1 ? lower : lower[..^2]);
        return number is { } n && n <= long.MaxValue / multiplier && n >= long.MinValue / multiplier ? n * multiplier : null;
    }

    /// <summary><c>list_of_exitcodes</c>: comma-separated integers 0–255.</summary>
    public static List<int>? ExitCodes(string text)
    {
        if (text.Length == 0)
            return [];
        var codes = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (Integer(part) is not { } code || code is < 0 or > 255)
                return null;
            codes.Add((int)code);
        }

        return codes;
    }

    /// <summary><c>signal_number</c>: a name with or without <c>SIG</c>, or a number.</summary>
    public static int? Signal(string text)
    {
        if (Integer(text) is { } number)
            return number is > 0 and < 65 ? (int)number : null;
        return Signals.TryParse(text, out var signal) ? signal : null;
    }

    public static AutoRestart? AutoRestart(string text) => text.Equals("unexpected", StringComparison.OrdinalIgnoreCase)
        ? Config.AutoRestart.Unexpected
        : Boolean(text) switch
        {
            true => Config.AutoRestart.Always,
            false => Config.AutoRestart.Never,
            null => null,
        };

    /// <summary><c>octal_type</c>: Python's <c>int(text, 8)</c>.</summary>
    public static int? Octal(string text)
    {
        var digits = text.Trim().Replace("_", "", StringComparison.Ordinal);
        if (digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
            digits = digits[2..];
        if (digits.Length == 0 || digits.Length > 10 || !digits.All(c => c is >= '0' and <= '7'))
            return null;
        return Convert.ToInt32(digits, 8);
    }

    /// <summary><c>list_of_strings</c>: comma-separated, each trimmed; empty text is no items.</summary>
    public static List<string> Strings(string text) => text.Length == 0 ? [] : [.. text.Split(',').Select(s => s.Trim())];

    /// <summary>supervisord's log levels; <c>blather</c> is its name for the most verbose one.</summary>
    public static LogLevel? Level(string text) => text.ToLowerInvariant() switch
    {
        "critical" => LogLevel.Critical,
        "error" => LogLevel.Error,
        "warn" => LogLevel.Warn,
        "info" => LogLevel.Info,
        "debug" => LogLevel.Debug,
        "trace" or "blather" => LogLevel.Trace,
        _ => null,
    };
}
