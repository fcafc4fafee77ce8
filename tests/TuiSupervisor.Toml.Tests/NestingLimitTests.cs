namespace TuiSupervisor.Toml.Tests;

/// <summary>Pathological nesting must end in an error, never in a stack overflow that kills the process.</summary>
public class NestingLimitTests
{
    private const int Limit = 128;

    [Fact]
    public void Arrays_nested_up_to_the_limit_parse()
    {
        var root = Parse.Valid($"a = {new string('[', Limit)}{new string(']', Limit)}\n");

        Assert.IsType<TomlArray>(root["a"]);
    }

    [Fact]
    public void Arrays_nested_past_the_limit_are_rejected_at_the_first_bracket_too_deep()
    {
        var error = Parse.Invalid($"a = {new string('[', Limit + 1)}{new string(']', Limit + 1)}\n");

        Assert.Equal(new TomlPosition(1, 5 + Limit), error.Position);
        Assert.Equal($"nesting is deeper than {Limit} levels", error.Message);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1_000_000)]
    public void Deeply_nested_arrays_are_an_error_not_a_crash(int depth)
    {
        Parse.Invalid($"a = {new string('[', depth)}\n");
    }

    [Fact]
    public void Deeply_nested_inline_tables_are_an_error_not_a_crash()
    {
        var toml = "a = " + string.Concat(Enumerable.Repeat("{ b = ", 100_000)) + "1" + new string('}', 100_000) + "\n";

        Assert.Equal($"nesting is deeper than {Limit} levels", Parse.Invalid(toml).Message);
    }

    [Fact]
    public void Long_dotted_keys_count_towards_the_limit()
    {
        // A key of n parts nests n - 1 tables; the value here is a scalar.
        Parse.Valid(DottedKey(Limit + 1) + " = 1\n");
        var error = Parse.Invalid(DottedKey(Limit + 2) + " = 1\n");

        Assert.Equal(new TomlPosition(1, (2 * Limit) + 1), error.Position);
    }

    [Fact]
    public void Long_headers_count_towards_the_limit()
    {
        Parse.Valid($"[{DottedKey(Limit)}]\n");
        Parse.Invalid($"[{DottedKey(Limit + 1)}]\n");
    }

    [Fact]
    public void An_array_of_tables_counts_as_two_levels()
    {
        Parse.Valid($"[[{DottedKey(Limit - 1)}]]\n");
        Parse.Invalid($"[[{DottedKey(Limit)}]]\n");
    }

    [Fact]
    public void Values_under_a_deep_table_count_towards_the_limit()
    {
        var header = $"[{DottedKey(Limit - 1)}]\n";

        Parse.Valid(header + "a = []\n");
        Parse.Invalid(header + "a = [[]]\n");
        Parse.Invalid(header + "a.b = []\n");
    }

    private static string DottedKey(int parts) => string.Join('.', Enumerable.Repeat("k", parts));
}
