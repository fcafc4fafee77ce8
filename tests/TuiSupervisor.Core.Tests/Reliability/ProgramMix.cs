using System.Globalization;
using System.Text;

namespace TuiSupervisor.Core.Tests.Reliability;

/// <summary>
/// The 50 programs of the random-operations test, as a config whose programs can be changed or
/// removed between reloads. Five kinds, by index: long sleepers; crashers (some restarted at once
/// after RUNNING, some failing before startsecs into FATAL); children that ignore SIGTERM (killed
/// after a short stopwaitsecs); parents of a grandchild in their group; short runs that end EXITED.
/// Every process carries <see cref="Marker"/> in its environment, so a scan of /proc finds them
/// all, grandchildren included.
/// </summary>
internal sealed class ProgramMix(string marker, int count = 50)
{
    /// <summary>The environment variable whose value tells this run's processes from any other's.</summary>
    public const string MarkerVariable = "TUISUPERVISOR_RELIABILITY_RUN";

    private readonly int[] _variants = new int[count];
    private readonly bool[] _removed = new bool[count];

    public string Marker => marker;

    public int Count => count;

    /// <summary>The names of the programs in the current config.</summary>
    public IReadOnlyList<string> Present => [.. Enumerable.Range(0, count).Where(i => !_removed[i]).Select(Name)];

    public static string Name(int index) => $"p{index:00}";

    /// <summary>Changes a program's environment, so that reload restarts it.</summary>
    public void Change(int index) => _variants[index]++;

    /// <summary>Removes a present program, or adds back a removed one.</summary>
    public void ToggleRemoved(int index) => _removed[index] = !_removed[index];

    public string Toml()
    {
        var toml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (_removed[i])
                continue;
            toml.AppendLine(CultureInfo.InvariantCulture, $"[programs.{Name(i)}]");
            toml.AppendLine(CultureInfo.InvariantCulture, $"environment = {{ {MarkerVariable} = \"{marker}\", VARIANT = \"{_variants[i]}\" }}");
            toml.AppendLine("stdout_logfile = \"NONE\"");
            toml.AppendLine("stderr_logfile = \"NONE\"");
            toml.AppendLine(Kind(i));
        }

        return toml.ToString();
    }

    private static string Kind(int index)
    {
        var tenth = 0.3 + (index % 7 / 10.0);
        return (index % 5) switch
        {
            0 => """
                command = "sleep 1000"
                startsecs = 0
                """,
            1 when index % 10 == 1 => string.Create(CultureInfo.InvariantCulture, $"""
                command = "/bin/sh -c 'sleep {tenth}; exit 1'"
                startsecs = 0
                """),
            1 => """
                command = "/bin/sh -c 'exit 2'"
                startsecs = "0.3s"
                startretries = 0
                """,
            2 => """
                command = "/bin/sh -c 'trap \"\" TERM; while :; do sleep 0.2; done'"
                startsecs = 0
                stopwaitsecs = "0.3s"
                """,
            3 => """
                command = "/bin/sh -c 'sleep 1000 & wait'"
                startsecs = 0
                """,
            _ => string.Create(CultureInfo.InvariantCulture, $"""
                command = "/bin/sh -c 'sleep {tenth * 3}'"
                startsecs = 0
                autorestart = false
                """),
        };
    }
}
