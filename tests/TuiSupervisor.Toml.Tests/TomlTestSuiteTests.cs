using System.Text.Json;

namespace TuiSupervisor.Toml.Tests;

public class TomlTestSuiteTests
{
    public static TheoryData<string> Cases() => [.. TomlTestSuite.CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_the_expected_result(string name)
    {
        var folder = TomlTestSuite.FindFolder();
        Assert.True(folder is not null && name != TomlTestSuite.MissingCase, TomlTestSuite.MissingMessage);

        var path = Path.Combine(folder, name);
        var input = File.ReadAllBytes(path + ".toml");
        var parsed = TomlDocument.TryParse(input, out var root, out var error);

        if (name.StartsWith("invalid/", StringComparison.Ordinal))
        {
            Assert.False(parsed, "the invalid document was accepted");
            return;
        }

        Assert.True(root is not null, $"the valid document was rejected: {error}");
        using var expected = JsonDocument.Parse(File.ReadAllBytes(path + ".json"));
        var difference = TaggedJsonComparer.FindDifference(expected.RootElement, root);
        Assert.True(difference is null, difference);
    }
}
