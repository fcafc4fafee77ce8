using System.Text;

namespace TuiSupervisor.Toml.Tests;

/// <summary>Parses test text and fails the test with a useful message when the outcome is not the expected one.</summary>
internal static class Parse
{
    public static TomlTable Valid(string toml) => Valid(Encoding.UTF8.GetBytes(toml));

    public static TomlTable Valid(byte[] utf8)
    {
        var parsed = TomlDocument.TryParse(utf8, out var root, out var error);
        Assert.True(parsed && root is not null, $"expected the document to parse, got {error}");
        return root;
    }

    public static TomlError Invalid(string toml) => Invalid(Encoding.UTF8.GetBytes(toml));

    public static TomlError Invalid(byte[] utf8)
    {
        var parsed = TomlDocument.TryParse(utf8, out _, out var error);
        Assert.True(!parsed && error is not null, "expected the document to be rejected");
        return error;
    }
}
