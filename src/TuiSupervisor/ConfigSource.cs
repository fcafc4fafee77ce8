using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config;

namespace TuiSupervisor;

/// <summary>
/// Which config a command runs on: <c>-c FILE</c>, else the first file of the search order, else
/// the demo config embedded in the executable (so the product runs on a fresh machine). The
/// embedded config's relative paths (logs, pidfile) live in <c>$XDG_STATE_HOME/tuisupervisor</c>.
/// </summary>
internal static class ConfigSource
{
    public const string EmbeddedName = "(embedded supervisor.toml)";

    public static ConfigLoadResult Load(string? configPath)
    {
        if (FilePath(configPath) is { } path)
            return ConfigLoader.LoadFile(path);

        var directory = StateDirectory();
        return ConfigLoader.LoadToml(EmbeddedConfig(), EmbeddedName, BindingContext.ForProcess(directory));
    }

    /// <summary>The file a command runs on: <c>-c FILE</c>, else the first of the search order; null for the embedded config.</summary>
    public static string? FilePath(string? configPath) =>
        configPath ?? ConfigLoader.Locate(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);

    public static byte[] EmbeddedConfig()
    {
        using var stream = typeof(ConfigSource).Assembly.GetManifestResourceStream("TuiSupervisor.supervisor.toml")
            ?? throw new InvalidOperationException("the embedded supervisor.toml is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string StateDirectory()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "tuisupervisor");
    }
}
