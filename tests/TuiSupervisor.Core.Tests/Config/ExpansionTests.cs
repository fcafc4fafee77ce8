using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Tests.Config;

public class ExpansionTests
{
    private static readonly Dictionary<string, object> Values = new()
    {
        ["program_name"] = "web",
        ["process_num"] = 7,
        ["here"] = "/etc/app",
        ["ENV_HOME"] = "/root",
    };

    [Theory]
    [InlineData("%(program_name)s", "web")]
    [InlineData("%(program_name)s_%(process_num)02d", "web_07")]
    [InlineData("%(process_num)d", "7")]
    [InlineData("%(process_num)3d|", "  7|")]
    [InlineData("%(process_num)-3d|", "7  |")]
    [InlineData("%(here)s/logs", "/etc/app/logs")]
    [InlineData("%(ENV_HOME)s/x", "/root/x")]
    [InlineData("100%% sure", "100% sure")]
    [InlineData("date +%T", "date +%T")]
    [InlineData("no expansions", "no expansions")]
    public void Expansions_follow_python_percent_formatting(string text, string expected)
    {
        Assert.True(Expansion.TryExpand(text, Values, out var expanded, out var error), error);
        Assert.Equal(expected, expanded);
    }

    [Theory]
    [InlineData("%(nope)s", "unknown expansion '%(nope)'")]
    [InlineData("%(ENV_MISSING)s", "environment variable MISSING is not set")]
    [InlineData("%(program_name)", "needs a conversion")]
    [InlineData("%(program_name", "unclosed expansion")]
    [InlineData("%(program_name)d", "needs a number")]
    public void Bad_expansions_say_what_is_wrong(string text, string fragment)
    {
        Assert.False(Expansion.TryExpand(text, Values, out _, out var error));
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }
}
