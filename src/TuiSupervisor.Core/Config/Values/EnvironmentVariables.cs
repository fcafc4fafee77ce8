namespace TuiSupervisor.Core.Config.Values;

/// <summary>The engine's own environment as a plain dictionary (for expansions and children).</summary>
public static class EnvironmentVariables
{
    public static Dictionary<string, string> Read()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry item in Environment.GetEnvironmentVariables())
            environment[(string)item.Key] = (string?)item.Value ?? "";
        return environment;
    }
}
