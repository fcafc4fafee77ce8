namespace TuiSupervisor.Core.Config.Binding;

/// <summary>
/// What binding needs from outside the file: the folder relative paths and <c>%(here)s</c> refer
/// to, the engine's environment for <c>%(ENV_X)s</c>, and the host name. Passed in rather than read
/// from globals so that tests can bind any config deterministically.
/// </summary>
public sealed record BindingContext(string Directory, IReadOnlyDictionary<string, string> Environment, string HostName)
{
    /// <summary>
    /// The config file's name without its extension: the default pidfile is named after it, so
    /// two configs in one folder can run side by side (<c>supervisor.toml</c> keeps <c>supervisor.pid</c>).
    /// </summary>
    public string ConfigName { get; init; } = "supervisor";

    public static BindingContext ForProcess(string directory) =>
        new(directory, Values.EnvironmentVariables.Read(), System.Environment.MachineName);

    /// <summary>The expansions every string may use: <c>here</c>, <c>host_node_name</c> and <c>ENV_*</c>.</summary>
    public Dictionary<string, object> BaseExpansions()
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["here"] = Directory,
            ["host_node_name"] = HostName,
        };
        foreach (var (key, value) in Environment)
            values["ENV_" + key] = value;
        return values;
    }

    /// <summary>A path from the config made absolute against the config file's folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, Directory);
}
