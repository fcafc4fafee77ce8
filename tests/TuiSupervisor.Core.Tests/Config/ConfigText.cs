using System.Text;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;

namespace TuiSupervisor.Core.Tests.Config;

/// <summary>Binds config text as if it were the file /etc/app/test.toml, with a fixed environment.</summary>
internal static class ConfigText
{
    public static readonly BindingContext Context = new(
        "/etc/app",
        new Dictionary<string, string> { ["HOME"] = "/root", ["PORT"] = "8080", ["PATH"] = "/usr/bin:/bin" },
        "testhost");

    public static ConfigLoadResult Load(string toml) =>
        ConfigLoader.LoadToml(Encoding.UTF8.GetBytes(toml), "test.toml", Context);

    public static SupervisorConfig Valid(string toml)
    {
        var result = Load(toml);
        Assert.True(result.Config is not null, "expected a valid config, got:\n" + string.Join("\n", result.Diagnostics));
        return result.Config;
    }

    /// <summary>The errors as "LINE:COL: message" lines.</summary>
    public static List<string> Errors(string toml)
    {
        var result = Load(toml);
        Assert.Null(result.Config);
        return [.. result.Errors.Select(e => $"{e.Line}:{e.Column}: {e.Message}")];
    }
}
