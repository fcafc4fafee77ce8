using System.Globalization;

namespace TuiSupervisor.Core.Posix;

/// <summary>
/// Linux signal names and numbers, as configuration (<c>stopsignal = "TERM"</c>), commands
/// (<c>signal HUP web</c>) and messages (<c>terminated by SIGKILL</c>) spell them.
/// </summary>
public static class Signals
{
    // Linux numbering on x86-64 and arm64 (the architectures with the generic layout).
    private static readonly (string Name, int Number)[] _table =
    [
        ("HUP", 1), ("INT", 2), ("QUIT", 3), ("ILL", 4), ("TRAP", 5), ("ABRT", 6), ("BUS", 7),
        ("FPE", 8), ("KILL", 9), ("USR1", 10), ("SEGV", 11), ("USR2", 12), ("PIPE", 13),
        ("ALRM", 14), ("TERM", 15), ("STKFLT", 16), ("CHLD", 17), ("CONT", 18), ("STOP", 19),
        ("TSTP", 20), ("TTIN", 21), ("TTOU", 22), ("URG", 23), ("XCPU", 24), ("XFSZ", 25),
        ("VTALRM", 26), ("PROF", 27), ("WINCH", 28), ("IO", 29), ("PWR", 30), ("SYS", 31),
    ];

    // Python's signal module (and so supervisord) also accepts these second names.
    private static readonly (string Name, int Number)[] _aliases = [("IOT", 6), ("CLD", 17), ("POLL", 29)];

    private static readonly Dictionary<string, int> _byName =
        _table.Concat(_aliases).ToDictionary(entry => entry.Name, entry => entry.Number, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<int, string> _byNumber =
        _table.ToDictionary(entry => entry.Number, entry => "SIG" + entry.Name);

    /// <summary>The highest signal number on Linux (SIGRTMAX).</summary>
    public const int Max = 64;

    /// <summary>
    /// Parses a signal name with or without the <c>SIG</c> prefix, in any case and with surrounding
    /// whitespace ignored, as supervisord does: <c>TERM</c>, <c>SIGTERM</c>, <c>usr1</c>; or its
    /// number (<c>9</c>, 1 to <see cref="Max"/>), which supervisorctl's <c>signal</c> also takes.
    /// </summary>
    public static bool TryParse(string name, out int signal)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out signal))
        {
            return signal is > 0 and <= Max;
        }
        if (trimmed.StartsWith("SIG", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[3..];
        }
        return _byName.TryGetValue(trimmed, out signal);
    }

    /// <summary>
    /// The conventional name of a signal number (<c>SIGKILL</c>); for a number without one, such as
    /// a real-time signal, supervisord's wording <c>signal 45</c>.
    /// </summary>
    public static string Name(int signal) => _byNumber.TryGetValue(signal, out string? name) ? name : $"signal {signal}";
}
