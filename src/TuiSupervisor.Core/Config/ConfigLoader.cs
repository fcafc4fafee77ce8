using TuiSupervisor.Core.Config.Binding;
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
            return Failure(path, $"cannot read the config file: {e.Message}");
        }

        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        if (extension is ".conf" or ".ini")
            return Failure(path, "supervisord INI configs (.conf, .ini) are not supported yet: write the config as TOML");
        return LoadToml(bytes, path, BindingContext.ForProcess(Path.GetDirectoryName(fullPath)!));
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

    private static ConfigLoadResult Failure(string file, string message) =>
        new(null, [new ConfigDiagnostic(DiagnosticSeverity.Error, file, 0, 0, message)]);
}
