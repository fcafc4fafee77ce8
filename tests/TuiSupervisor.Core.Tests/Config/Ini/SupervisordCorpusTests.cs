using System.Text.Json;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Tests.Logging;

namespace TuiSupervisor.Core.Tests.Config.Ini;

/// <summary>Every corpus case reads as supervisord 4.2.5 read it: the same processes, or the same rejection.</summary>
public class SupervisordCorpusTests
{
    public static TheoryData<string> Cases() => SupervisordCorpus.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_config_reads_as_supervisord_reads_it(string name)
    {
        var folder = SupervisordCorpus.FindFolder();
        Assert.True(folder is not null && name != SupervisordCorpus.MissingCase, SupervisordCorpus.MissingMessage);
        var expected = SupervisordCorpus.Expected(folder, name);
        var result = SupervisordCorpus.Load(folder, name, expected);
        AssertOutcome(expected, result, folder);

        if (expected.TryGetProperty("as_included", out var included))
        {
            using var scratch = new TempDirectory();
            var casePath = Path.Combine(folder, name);
            File.WriteAllText(scratch.File("supervisord.conf"), SupervisordCorpus.DebianMainConfig.Replace("{0}", casePath, StringComparison.Ordinal));
            var asIncluded = ConfigLoader.LoadIni(scratch.File("supervisord.conf"), "supervisord.conf", SupervisordCorpus.Context(scratch.Path, expected), SupervisordCorpus.Glob(folder, casePath));
            AssertOutcome(included, asIncluded, folder);
        }
    }

    private static void AssertOutcome(JsonElement expected, ConfigLoadResult result, string folder)
    {
        if (expected.TryGetProperty("error", out var error))
        {
            Assert.Null(result.Config);
            var fragment = CorpusExpectations.ReasonFragment(error.GetString()!);
            Assert.True(result.Errors.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal)), $"expected an error saying \"{fragment}\", got:\n{string.Join("\n", result.Diagnostics)}");
            return;
        }

        CorpusExpectations.AssertSameProcesses(expected, result, folder);
    }
}
