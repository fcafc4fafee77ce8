namespace TuiSupervisor.Toml.Tests;

public class ErrorMessageTests
{
    [Fact]
    public void Missing_equals_sign_names_the_key_and_points_after_it()
    {
        var error = Parse.Invalid("[server]\nname \"web\"\n");

        Assert.Equal(new TomlPosition(2, 6), error.Position);
        Assert.Equal("expected '=' after key 'name', found '\"'", error.Message);
    }

    [Fact]
    public void Duplicate_key_error_points_at_the_second_definition()
    {
        var error = Parse.Invalid("[server]\nhost = \"a\"\nport = 1\n\n  port = 2\n");

        Assert.Equal(new TomlPosition(5, 3), error.Position);
        Assert.Equal("duplicate key 'port' (first defined at 3:1)", error.Message);
    }

    [Fact]
    public void Duplicate_table_error_names_the_first_header()
    {
        var error = Parse.Invalid("[a]\nx = 1\n[b]\n[a]\n");

        Assert.Equal(new TomlPosition(4, 2), error.Position);
        Assert.Equal("duplicate table [a] (first defined at 1:1)", error.Message);
    }

    [Fact]
    public void Invalid_escape_is_reported_at_the_backslash()
    {
        var error = Parse.Invalid("path = \"C:\\qux\"\n");

        Assert.Equal(new TomlPosition(1, 11), error.Position);
        Assert.Equal("invalid escape '\\q' in string", error.Message);
    }

    [Fact]
    public void Unterminated_string_says_where_it_was_opened()
    {
        var error = Parse.Invalid("a = 1\nname = \"web\nb = 2\n");

        Assert.Equal(new TomlPosition(2, 12), error.Position);
        Assert.Equal("unterminated string (opened at 2:8): expected closing \" before end of line", error.Message);
    }

    [Fact]
    public void Missing_value_says_a_value_was_expected()
    {
        var error = Parse.Invalid("timeout =\n");

        Assert.Equal(new TomlPosition(1, 10), error.Position);
        Assert.Equal("expected a value after 'timeout =', found end of line", error.Message);
    }

    [Fact]
    public void Unquoted_text_value_suggests_quoting()
    {
        var error = Parse.Invalid("command = sleep\n");

        Assert.Equal(new TomlPosition(1, 11), error.Position);
        Assert.Equal("expected a value, found 'sleep' (strings must be quoted)", error.Message);
    }

    [Fact]
    public void Text_after_a_value_is_reported_where_it_starts()
    {
        var error = Parse.Invalid("a = 1 2\n");

        Assert.Equal(new TomlPosition(1, 7), error.Position);
        Assert.Equal("expected end of line, found '2'", error.Message);
    }

    [Fact]
    public void Number_errors_point_at_the_offending_character()
    {
        Assert.Equal(new TomlError(new TomlPosition(1, 6), "an underscore in a number must be between two digits"), Parse.Invalid("n = 1__000\n"));
        Assert.Equal(new TomlError(new TomlPosition(1, 5), "leading zeros are not allowed in '0755'"), Parse.Invalid("n = 0755\n"));
        Assert.Equal(new TomlError(new TomlPosition(1, 7), "expected a digit after '.', found 'e'"), Parse.Invalid("n = 1.e5\n"));
    }

    [Fact]
    public void Date_out_of_range_names_the_field_and_range()
    {
        var error = Parse.Invalid("d = 2023-02-29\n");

        Assert.Equal(new TomlPosition(1, 13), error.Position);
        Assert.Equal("day 29 is out of range for 2023-02 (01 to 28)", error.Message);
    }

    [Fact]
    public void Unclosed_array_says_where_it_was_opened()
    {
        var error = Parse.Invalid("ports = [1, 2\n");

        Assert.Equal(new TomlPosition(2, 1), error.Position);
        Assert.Equal("expected ',' or ']' after an element of the array opened at 1:9, found end of file", error.Message);
    }

    [Fact]
    public void Multi_line_inline_table_is_explained()
    {
        var error = Parse.Invalid("p = { x = 1,\n y = 2 }\n");

        Assert.Equal(new TomlPosition(1, 13), error.Position);
        Assert.Equal(
            "expected a key in the inline table opened at 1:5, found end of line (an inline table must be written on one line)",
            error.Message);
    }

    [Fact]
    public void Dotted_key_cannot_reopen_a_table_defined_by_a_header()
    {
        var error = Parse.Invalid("[a.b]\nz = 9\n[a]\nb.t = 1\n");

        Assert.Equal(new TomlPosition(4, 1), error.Position);
        Assert.Equal("cannot add to table 'b' with a dotted key: it was defined by the header at 1:1", error.Message);
    }

    [Fact]
    public void Header_over_a_value_names_its_type_and_definition()
    {
        var error = Parse.Invalid("[a]\nb = 1\n[a.b]\n");

        Assert.Equal(new TomlPosition(3, 4), error.Position);
        Assert.Equal("key 'a.b' is already defined as an integer at 2:1, so it cannot be a table", error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column()
    {
        // 0xC3 starts a two-byte sequence that 0x28 ('(') cannot continue.
        var error = Parse.Invalid([.. "a = 1\nb = \"x"u8, 0xC3, 0x28, .. "\"\n"u8]);

        Assert.Equal(new TomlPosition(2, 7), error.Position);
        Assert.Equal("invalid UTF-8 (byte 0xC3); TOML must be UTF-8", error.Message);
    }

    [Fact]
    public void Error_text_starts_with_line_and_column()
    {
        Assert.Equal("2:5: expected '=' after key 'name', found end of line", Parse.Invalid("\nname\n").ToString());
    }
}
