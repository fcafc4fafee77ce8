using System.Text;
using System.Text.Json;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Ini;
using TuiSupervisor.Core.Tests.Logging;

namespace TuiSupervisor.Core.Tests.Config.Ini;

/// <summary>
/// <c>convert</c> on every corpus config supervisord accepts (and every snippet, as the Debian
/// main config includes it): the TOML passes our loader without a single diagnostic and yields
/// exactly the programs, processes, groups and settings the INI config yields.
/// </summary>
public class ConvertCorpusTests
{
    public static TheoryData<string> Cases() => SupervisordCorpus.Cases();

    /// <summary>The TOML written beside the INI file: relative paths and %(here)s stay as written.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Converted_corpus_config_yields_the_same_processes(string name) => AssertConverts(name, besideTheIni: true);

    /// <summary>The TOML written elsewhere: paths become absolute, so only the command's text may differ.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_config_converted_into_another_folder_yields_the_same_processes(string name) => AssertConverts(name, besideTheIni: false);

    private static void AssertConverts(string name, bool besideTheIni)
    {
        var folder = SupervisordCorpus.FindFolder();
        Assert.True(folder is not null && name != SupervisordCorpus.MissingCase, SupervisordCorpus.MissingMessage);
        var expected = SupervisordCorpus.Expected(folder, name);
        using var scratch = new TempDirectory();
        if (!expected.TryGetProperty("error", out _))
        {
            AssertConvertsFaithfully(Path.Combine(folder, name), name, expected, SupervisordCorpus.Glob(folder), besideTheIni ? folder : scratch.Path);
        }
        else if (expected.TryGetProperty("as_included", out var included) && !included.TryGetProperty("error", out _))
        {
            var casePath = Path.Combine(folder, name);
            var main = scratch.File("supervisord.conf");
            File.WriteAllText(main, SupervisordCorpus.DebianMainConfig.Replace("{0}", casePath, StringComparison.Ordinal));
            AssertConvertsFaithfully(main, "supervisord.conf", expected, SupervisordCorpus.Glob(folder, casePath), besideTheIni ? scratch.Path : Path.Combine(scratch.Path, "out"));
        }
    }

    private static void AssertConvertsFaithfully(string iniPath, string displayName, JsonElement expected, Func<string, IReadOnlyList<string>> glob, string outputDirectory)
    {
        var iniContext = SupervisordCorpus.Context(Path.GetDirectoryName(iniPath)!, expected);
        var conversion = IniConversion.Convert(iniPath, displayName, outputDirectory, iniContext, glob);
        Assert.True(conversion.Toml is not null, string.Join("\n", conversion.Diagnostics));

        var tomlContext = new BindingContext(outputDirectory, iniContext.Environment, iniContext.HostName);
        var toml = ConfigLoader.LoadToml(Encoding.UTF8.GetBytes(conversion.Toml), "converted.toml", tomlContext);
        Assert.True(toml.Diagnostics.Count == 0, string.Join("\n", toml.Diagnostics) + "\n--- converted TOML:\n" + conversion.Toml);
        var ini = ConfigLoader.LoadIni(iniPath, displayName, iniContext, glob).Config!;

        Assert.Equal(ini.Supervisor, toml.Config!.Supervisor);
        Assert.Equal(ini.Groups, toml.Config.Groups);
        Assert.Equal(ini.Programs.Select(p => p.Name), toml.Config.Programs.Select(p => p.Name));
        var relocated = outputDirectory != Path.GetDirectoryName(iniPath);
        foreach (var (fromIni, fromToml) in ini.Programs.Zip(toml.Config.Programs))
        {
            // Moved elsewhere, a relative program path is written absolute: the same argv, another text.
            var expectedProcesses = relocated ? fromIni.Processes.Select(p => p with { CommandText = "" }) : fromIni.Processes;
            var actualProcesses = relocated ? fromToml.Processes.Select(p => p with { CommandText = "" }) : fromToml.Processes;
            Assert.Equal(expectedProcesses, actualProcesses);
            Assert.Equal(fromIni with { Processes = new([]) }, fromToml with { Processes = new([]) });
        }
    }
}
