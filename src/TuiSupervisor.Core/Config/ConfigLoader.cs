using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Ini;
using TuiSupervisor.Core.Posix;
using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config;

/// <summary>Finds and reads a config file: TOML, or supervisord INI for <c>.conf</c> and <c>.ini</c>.</summary>
public static class ConfigLoader
{
    /// <summary>
    /// The config search order when no <c>-c</c> is given (spec section 2). The first file that
    /// exists wins; null when none does.
    /// </summary>
    public static string? Locate(string currentDirectory, Func<string, string?> getEnvironment)
    {
        var xdgConfig = getEnvironment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(getEnvironment("HOME") ?? "/", ".config");
        string[] candidates =
        [
            Path.Combine(currentDirectory, "supervisor.toml"),
            Path.Combine(currentDirectory, "etc", "supervisor.toml"),
            Path.Combine(xdgConfig, "tuisupervisor", "supervisor.toml"),
            "/etc/tuisupervisor/supervisor.toml",
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The places <see cref="Locate"/> looks, for the message when none exists.</summary>
    public static string SearchOrderText => "./supervisor.toml, ./etc/supervisor.toml, $XDG_CONFIG_HOME/tuisupervisor/supervisor.toml, /etc/tuisupervisor/supervisor.toml";

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    public static ConfigLoadResult LoadFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failure(path, $"cannot read the config file: {FileErrorText.Describe(fullPath, e)}");
        }

        var context = BindingContext.ForProcess(Path.GetDirectoryName(fullPath)!) with { ConfigName = Path.GetFileNameWithoutExtension(fullPath) };
        if (IsIni(fullPath))
            return LoadIni(fullPath, path, context, IniGlob.Match);
        return LoadToml(bytes, path, context);
    }

    /// <summary>
    /// Reads TOML bytes. <paramref name="displayName"/> is what messages call the file;
    /// relative paths in it are resolved against <paramref name="context"/>'s directory.
    /// </summary>
    public static ConfigLoadResult LoadToml(ReadOnlySpan<byte> utf8, string displayName, BindingContext context)
    {
        if (!TomlDocument.TryParse(utf8, out var root, out var error))
            return new ConfigLoadResult(null, [ConfigDiagnostic.Error(displayName, error.Position.Line, error.Position.Column, error.Message)]);
        return ConfigBinder.Bind(root, displayName, context);
    }

    /// <summary>Whether a file is read as supervisord INI: its name ends in <c>.conf</c> or <c>.ini</c> (spec section 2).</summary>
    public static bool IsIni(string path) => Path.GetExtension(path).ToLowerInvariant() is ".conf" or ".ini";

    /// <summary>
    /// Reads a supervisord config (and what its <c>[include]</c> names) at <paramref name="fullPath"/>;
    /// <paramref name="glob"/> finds the files of an include pattern.
    /// </summary>
    internal static ConfigLoadResult LoadIni(string fullPath, string displayName, BindingContext context, Func<string, IReadOnlyList<string>> glob)
    {
        var diagnostics = new IniDiagnostics();
        var document = IniFiles.Read(fullPath, displayName, context, glob, diagnostics);
        return IniBinder.Bind(document, displayName, context, diagnostics);
    }

    private static ConfigLoadResult Failure(string file, string message) =>
        new(null, [new ConfigDiagnostic(DiagnosticSeverity.Error, file, 0, 0, message)]);
}
