namespace TuiSupervisor.Toml.Tests;

/// <summary>
/// Finds the shared toml-test cases (see ../shared/toml-test/README.md) and lists them by name,
/// e.g. <c>valid/string/escapes</c>.
/// </summary>
internal static class TomlTestSuite
{
    /// <summary>Stands in for the cases when the folder is missing, so the run fails instead of passing with no cases.</summary>
    public const string MissingCase = "toml-test folder not found";

    private const string ListFile = "files-toml-1.0.0";

    public static string MissingMessage =>
        $"The toml-test cases were not found. Expected them at ../shared/toml-test next to the repository root "
        + $"(a directory containing shared/toml-test/{ListFile}), searched upward from {AppContext.BaseDirectory}.";

    /// <summary>The suite folder, found by walking up from the test assembly; null when absent.</summary>
    public static string? FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "toml-test");
            if (File.Exists(Path.Combine(candidate, ListFile)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Every valid and invalid case named in the suite's own list, without the extension.</summary>
    public static IEnumerable<string> CaseNames()
    {
        var folder = FindFolder();
        if (folder is null)
        {
            return [MissingCase];
        }

        return File.ReadLines(Path.Combine(folder, ListFile))
            .Where(line => line.EndsWith(".toml", StringComparison.Ordinal))
            .Select(line => line[..^".toml".Length]);
    }
}
