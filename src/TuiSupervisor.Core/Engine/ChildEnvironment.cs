using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// A child's environment (spec section 4): the engine's own, then the config's (supervisor, then
/// program), then supervisord's <c>SUPERVISOR_*</c> variables that programs test for, and ours.
/// </summary>
internal static class ChildEnvironment
{
    public static Dictionary<string, string> For(ProcessConfig process, IReadOnlyDictionary<string, string> engineEnvironment)
    {
        var environment = new Dictionary<string, string>(engineEnvironment, StringComparer.Ordinal);
        foreach (var (key, value) in process.Environment)
            environment[key] = value;
        environment["SUPERVISOR_ENABLED"] = "1";
        environment["SUPERVISOR_PROCESS_NAME"] = process.Name;
        environment["SUPERVISOR_GROUP_NAME"] = process.GroupName;
        environment["TUISUPERVISOR_PROCESS_NAME"] = process.FullName;
        var heartbeat = process.HealthChecks.FirstOrDefault(h => h.Type == HealthCheckType.Heartbeat);
        if (heartbeat?.File is { } file)
            environment["TUISUPERVISOR_HEARTBEAT_FILE"] = file;
        return environment;
    }
}
