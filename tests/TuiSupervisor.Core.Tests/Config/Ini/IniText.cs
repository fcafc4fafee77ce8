using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Ini;
using TuiSupervisor.Core.Tests.Logging;

namespace TuiSupervisor.Core.Tests.Config.Ini;

/// <summary>Reads supervisord INI text written to a scratch folder, with a fixed environment and host name.</summary>
internal sealed class IniText : IDisposable
{
    private readonly TempDirectory _folder = new();

    public string Folder => _folder.Path;

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal) { ["HOME"] = "/home/op", ["PORT"] = "8080" };

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public ConfigLoadResult Load(string text, string name = "sv.conf") =>
        ConfigLoader.LoadIni(Write(name, text), name, new BindingContext(Folder, Environment, "testhost"), IniGlob.Match);

    public SupervisorConfig Valid(string text)
    {
        var result = Load(text);
        Assert.True(result.Config is not null, "expected a valid config, got:\n" + string.Join("\n", result.Diagnostics));
        return result.Config;
    }

    /// <summary>The errors as "FILE:LINE:COL: message" lines.</summary>
    public List<string> Errors(string text)
    {
        var result = Load(text);
        Assert.Null(result.Config);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    public List<string> Warnings(string text)
    {
        var result = Load(text);
        Assert.True(result.Config is not null, "expected a valid config, got:\n" + string.Join("\n", result.Diagnostics));
        return [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.ToString())];
    }

    public static ProcessConfig Process(SupervisorConfig config, string fullName) => config.Processes.Single(p => p.FullName == fullName);

    public static ProgramConfig Program(SupervisorConfig config, string name) => config.Programs.Single(p => p.Name == name);

    public void Dispose() => _folder.Dispose();
}
