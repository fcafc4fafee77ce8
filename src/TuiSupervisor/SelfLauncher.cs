namespace TuiSupervisor;

/// <summary>How to run this executable again (for the user-switch trampoline): the apphost alone, or <c>dotnet</c> with our dll.</summary>
internal static class SelfLauncher
{
    public static IReadOnlyList<string> Command()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the runtime does not know its own executable");
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(SelfLauncher).Assembly.Location] : [host];
    }
}
