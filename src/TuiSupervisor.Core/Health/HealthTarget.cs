using System.Globalization;
using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Health;

/// <summary>What a check looks at, in a few words for status lines and the TUI.</summary>
internal static class HealthTarget
{
    public static string Describe(HealthCheckConfig check) => check.Type switch
    {
        HealthCheckType.Http => $"http {check.Url}",
        HealthCheckType.Tcp => string.Create(CultureInfo.InvariantCulture, $"tcp {check.Host}:{check.Port}"),
        HealthCheckType.Exec => $"exec {check.Command}",
        _ => $"heartbeat {check.File}",
    };
}
