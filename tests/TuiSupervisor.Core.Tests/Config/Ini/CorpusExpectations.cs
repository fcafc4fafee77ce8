using System.Text.Json;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Config.Ini;

/// <summary>Compares what we read from a corpus case with what supervisord read (README "Schema").</summary>
internal static class CorpusExpectations
{
    /// <summary>
    /// The same programs, in the same groups, with the same options; and a warning for every
    /// event listener and FastCGI group, which the engine does not run.
    /// </summary>
    public static void AssertSameProcesses(JsonElement expected, ConfigLoadResult result, string here)
    {
        Assert.True(result.Config is not null, "expected the config to be accepted, got:\n" + string.Join("\n", result.Diagnostics));
        var config = result.Config;
        var ours = config.Programs.SelectMany(p => p.Processes.Select(process => (Program: p, Process: process)))
            .ToDictionary(x => $"{x.Process.GroupName}:{x.Process.Name}", StringComparer.Ordinal);
        var theirs = new List<string>();
        foreach (var group in expected.GetProperty("groups").EnumerateArray())
        {
            var groupName = group.GetProperty("name").GetString()!;
            if (group.GetProperty("kind").GetString() != "program")
            {
                var section = group.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("section").GetString()).FirstOrDefault() ?? groupName;
                Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains($"[{section}] is ignored", StringComparison.Ordinal));
                continue;
            }

            foreach (var process in group.GetProperty("processes").EnumerateArray())
            {
                var key = $"{groupName}:{process.GetProperty("name").GetString()}";
                theirs.Add(key);
                Assert.True(ours.TryGetValue(key, out var found), $"supervisord has process {key}; we have {string.Join(", ", ours.Keys)}");
                AssertSameProcess(process, found.Program, found.Process, here, key);
            }

            var groupPriority = config.Groups.FirstOrDefault(g => g.Name == groupName)?.Priority
                ?? config.Programs.First(p => p.Processes.Any(x => x.GroupName == groupName)).Priority;
            Assert.Equal(group.GetProperty("priority").GetInt32(), groupPriority);
        }

        Assert.Equal(theirs.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
    }

    private static void AssertSameProcess(JsonElement expected, ProgramConfig program, ProcessConfig process, string here, string key)
    {
        string? Text(string name) => expected.GetProperty(name).GetString()?.Replace("<here>", here, StringComparison.Ordinal);
        int Int(string name) => expected.GetProperty(name).GetInt32();
        bool Bool(string name) => expected.GetProperty(name).GetBoolean();

        Assert.Equal((key, Text("command")), (key, process.CommandText));
        Assert.Equal((key, Text("directory")), (key, process.Directory));
        Assert.Equal((key, Int("process_num"), Int("numprocs")), (key, process.ProcessNum, program.NumProcs));
        Assert.Equal((key, Int("priority")), (key, program.Priority));
        Assert.Equal((key, Bool("autostart")), (key, program.AutoStart));
        var autorestart = Text("autorestart") switch
        {
            "true" => AutoRestart.Always,
            "false" => AutoRestart.Never,
            _ => AutoRestart.Unexpected,
        };
        Assert.Equal((key, autorestart), (key, program.AutoRestart));
        Assert.Equal((key, Int("startsecs"), Int("startretries")), (key, (int)program.StartSecs.TotalSeconds, program.StartRetries));
        Assert.Equal((key, string.Join(",", expected.GetProperty("exitcodes").EnumerateArray().Select(e => e.GetInt32()))), (key, string.Join(",", program.ExitCodes)));
        Assert.Equal((key, "SIG" + Text("stopsignal"), Int("stopwaitsecs")), (key, Signals.Name(program.StopSignal), (int)program.StopWait.TotalSeconds));
        Assert.Equal((key, Text("user")), (key, program.User));
        Assert.Equal((key, Text("umask")), (key, program.Umask is { } umask ? Convert.ToString(umask, 8).PadLeft(3, '0') : null));
        Assert.Equal((key, Bool("redirect_stderr")), (key, program.RedirectStderr));
        AssertSameLog(expected, "stdout", process.Stdout, here, key);
        AssertSameLog(expected, "stderr", process.Stderr, here, key);
        var environment = expected.GetProperty("environment").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!.Replace("<here>", here, StringComparison.Ordinal), StringComparer.Ordinal);
        static string Lines(IEnumerable<KeyValuePair<string, string>> pairs) => string.Join("\n", pairs.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
        Assert.Equal((key, Lines(environment)), (key, Lines(process.Environment)));
    }

    private static void AssertSameLog(JsonElement expected, string stream, LogTarget ours, string here, string key)
    {
        var path = expected.GetProperty($"{stream}_logfile").GetString()!.Replace("<here>", here, StringComparison.Ordinal);
        var kind = path switch
        {
            "AUTO" => LogTargetKind.Auto,
            "NONE" or "/dev/null" => LogTargetKind.None,
            _ => LogTargetKind.File,
        };
        Assert.Equal((key, stream, kind, kind == LogTargetKind.File ? path : null), (key, stream, ours.Kind, ours.Path));
        if (stream == "stderr" && expected.GetProperty("redirect_stderr").GetBoolean())
            return; // no stderr file, so its size limits mean nothing
        var maxBytes = expected.GetProperty($"{stream}_logfile_maxbytes").GetInt64();
        var backups = expected.GetProperty($"{stream}_logfile_backups").GetInt32();
        Assert.Equal((key, stream, maxBytes, backups), (key, stream, ours.MaxBytes, ours.Backups));
    }

    /// <summary>
    /// supervisord's rejection, as the fragment our message must contain to give the same reason.
    /// </summary>
    public static string ReasonFragment(string supervisordMessage) => supervisordMessage switch
    {
        var m when m.Contains("does not include supervisord section", StringComparison.Ordinal) => "there is no [supervisord] section",
        var m when m.Contains("has [include] section, but no files setting", StringComparison.Ordinal) => "[include] has no 'files' key",
        var m when m.StartsWith("Format string '%USER%'", StringComparison.Ordinal) => "'user' in [program:lxpanel]: '%U' at character 1 is not an expansion",
        var m when m.Contains("names unknown program or fcgi-program", StringComparison.Ordinal) =>
            $"names '{m[(m.LastIndexOf(' ') + 1)..]}', but there is no [program:",
        _ => throw new InvalidOperationException($"no known reason for supervisord's error: {supervisordMessage}"),
    };
}
