using System.Text.Json;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Ini;

namespace TuiSupervisor.Core.Tests.Config.Ini;

/// <summary>
/// The shared supervisord config corpus (../shared/supervisord-configs, see its README): finding
/// it, listing its cases, and loading a case the way its expectations were produced.
/// </summary>
internal static class SupervisordCorpus
{
    /// <summary>Stands in for the cases when the folder is missing, so the run fails instead of passing with no cases.</summary>
    public const string MissingCase = "supervisord-configs folder not found";

    public static string MissingMessage =>
        "The supervisord config corpus was not found. Expected it at ../shared/supervisord-configs next to the "
        + $"repository root (a folder shared/supervisord-configs with a README.md), searched upward from {AppContext.BaseDirectory}.";

    /// <summary>The Debian package's stock main config, which includes a conf.d snippet (README rule 8).</summary>
    public const string DebianMainConfig = """
        [unix_http_server]
        file=/var/run/supervisor.sock
        chmod=0700

        [supervisord]
        logfile=/var/log/supervisor/supervisord.log
        pidfile=/var/run/supervisord.pid
        childlogdir=/var/log/supervisor

        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

        [supervisorctl]
        serverurl=unix:///var/run/supervisor.sock

        [include]
        files = {0}
        """;

    public static string? FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "supervisord-configs");
            if (File.Exists(Path.Combine(candidate, "README.md")))
                return candidate;
        }

        return null;
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var folder = FindFolder();
        if (folder is null)
        {
            data.Add(MissingCase);
            return data;
        }

        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (file!.EndsWith(".conf", StringComparison.Ordinal) || file.EndsWith(".ini", StringComparison.Ordinal))
                data.Add(file);
        }

        return data;
    }

    public static JsonElement Expected(string folder, string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".expected.json"))).RootElement;

    /// <summary>Exactly the environment the expectation was produced with (README rule 1).</summary>
    public static BindingContext Context(string directory, JsonElement expected) => new(
        directory,
        expected.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
        "<hostname>");

    /// <summary>
    /// Globs only inside the corpus (README rule 7: absolute patterns elsewhere match nothing),
    /// plus the one case a main config includes by absolute path (rule 8).
    /// </summary>
    public static Func<string, IReadOnlyList<string>> Glob(string folder, string? alsoAllowed = null) =>
        pattern => pattern.StartsWith(folder + "/", StringComparison.Ordinal) || pattern == alsoAllowed ? IniGlob.Match(pattern) : [];

    public static ConfigLoadResult Load(string folder, string name, JsonElement expected) =>
        ConfigLoader.LoadIni(Path.Combine(folder, name), name, Context(folder, expected), Glob(folder));
}
