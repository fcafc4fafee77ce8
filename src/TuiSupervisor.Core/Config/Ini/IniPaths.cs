using TuiSupervisor.Core.Config.Binding;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>Paths as supervisord writes them: <c>~</c> is the home folder; relative ones are made absolute.</summary>
internal static class IniPaths
{
    /// <summary>
    /// supervisord leaves a relative path relative to its own working folder; we resolve it against
    /// the config file's folder, as for TOML, so that the result does not depend on where the
    /// engine was started.
    /// </summary>
    public static string Resolve(string path, BindingContext context)
    {
        if ((path == "~" || path.StartsWith("~/", StringComparison.Ordinal)) && context.Environment.TryGetValue("HOME", out var home))
            path = home + path[1..];
        return context.Resolve(path);
    }
}
