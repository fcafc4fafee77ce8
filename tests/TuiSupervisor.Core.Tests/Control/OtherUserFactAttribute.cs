using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Control;

/// <summary>
/// A test that acts as another user (chown, or a client run as nobody through setpriv): skipped,
/// with the reason, where the tests do not run as root or the tools are missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OtherUserFactAttribute : FactAttribute
{
    public OtherUserFactAttribute(bool needsClient = false)
    {
        if (Interop.geteuid() != 0)
            Skip = "the tests do not run as root, so they cannot act as another user";
        else if (needsClient && !File.Exists("/usr/bin/setpriv"))
            Skip = "setpriv (util-linux) is not installed";
        else if (needsClient && SystemPython is null)
            Skip = "no python3 that nobody may run (/usr/bin/python3 or /usr/local/bin/python3)";
    }

    /// <summary>A system python, not a shim in root's home that nobody cannot read.</summary>
    public static string? SystemPython => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : File.Exists("/usr/local/bin/python3") ? "/usr/local/bin/python3" : null;
}
