using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Tests.Config;

public class CommandLineTests
{
    [Theory]
    [InlineData("sleep 10", new[] { "sleep", "10" })]
    [InlineData("  a   b\tc  ", new[] { "a", "b", "c" })]
    [InlineData("/bin/sh -c 'echo \"hi there\"; exit 1'", new[] { "/bin/sh", "-c", "echo \"hi there\"; exit 1" })]
    [InlineData("echo \"a \\\"b\\\" \\$HOME\"", new[] { "echo", "a \"b\" $HOME" })]
    [InlineData("echo \"a\\nb\"", new[] { "echo", "a\\nb" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("x''y \"\"", new[] { "xy", "" })]
    [InlineData("prog # not a comment", new[] { "prog", "#", "not", "a", "comment" })]
    public void Commands_split_like_python_shlex(string command, string[] expected)
    {
        Assert.True(CommandLine.TrySplit(command, out var arguments, out _));
        Assert.Equal(expected, arguments);
    }

    [Theory]
    [InlineData("echo 'unclosed", "No closing quotation")]
    [InlineData("echo \"unclosed", "No closing quotation")]
    [InlineData("echo trailing\\", "No escaped character")]
    public void Unsplittable_commands_say_why_in_supervisords_words(string command, string error)
    {
        Assert.False(CommandLine.TrySplit(command, out _, out var message));
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData((object)new[] { "sleep", "10" })]
    [InlineData((object)new[] { "/bin/sh", "-c", "echo 'it''s'; exit 1" })]
    [InlineData((object)new[] { "a b", "", "$x", "\"q\"" })]
    public void Joined_arguments_split_back_to_the_same_list(string[] arguments)
    {
        Assert.True(CommandLine.TrySplit(CommandLine.Join(arguments), out var back, out _));
        Assert.Equal(arguments, back);
    }
}
