using System.Diagnostics.CodeAnalysis;

namespace TuiSupervisor.Toml;

/// <summary>Entry point: TOML 1.0.0 text in, a table tree with positions (or the first error) out.</summary>
public static class TomlDocument
{
    /// <summary>
    /// Parses UTF-8 bytes, decoding strictly: malformed UTF-8, a BOM other than one UTF-8 BOM at
    /// the start, and anything TOML 1.0.0 forbids are errors.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out TomlTable? root,
        [NotNullWhen(false)] out TomlError? error)
        => throw new NotImplementedException("the parser is being written");
}
