namespace TuiSupervisor.Toml.Tests;

public class ValueTests
{
    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0x7FFF_FFFF_FFFF_FFFF", long.MaxValue)]
    [InlineData("0o777", 511)]
    [InlineData("0b1010", 10)]
    [InlineData("+0", 0)]
    public void Integers_at_the_edges_of_int64_are_read_exactly(string text, long expected)
    {
        var root = Parse.Valid($"n = {text}\n");

        Assert.Equal(expected, Assert.IsType<TomlInteger>(root["n"]).Value);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("0x8000000000000000")]
    [InlineData("0o1_000_000_000_000_000_000_000")]
    public void Integers_outside_int64_are_rejected(string text)
    {
        var error = Parse.Invalid($"n = {text}\n");

        Assert.Equal(new TomlPosition(1, 5), error.Position);
        Assert.StartsWith($"integer '{text}' does not fit in 64 bits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("1_000.5", 1000.5)]
    public void Floats_are_binary64(string text, double expected)
    {
        var root = Parse.Valid($"f = {text}\n");

        Assert.Equal(expected, Assert.IsType<TomlFloat>(root["f"]).Value);
    }

    [Fact]
    public void Nan_is_a_float()
    {
        Assert.True(double.IsNaN(Assert.IsType<TomlFloat>(Parse.Valid("f = -nan\n")["f"]).Value));
    }

    [Fact]
    public void Fractional_seconds_are_kept_to_the_nanosecond_and_truncated_beyond()
    {
        var root = Parse.Valid("a = 07:32:00.123456789987\nb = 07:32:00.5\n");

        Assert.Equal(123_456_789, Assert.IsType<TomlDateTime>(root["a"]).Nanosecond);
        Assert.Equal(500_000_000, Assert.IsType<TomlDateTime>(root["b"]).Nanosecond);
    }

    [Fact]
    public void Offset_date_time_keeps_its_fields_and_offset()
    {
        var value = Assert.IsType<TomlDateTime>(Parse.Valid("t = 1979-05-27 00:32:00.999-07:00\n")["t"]);

        Assert.Equal(TomlDateTimeKind.OffsetDateTime, value.Kind);
        Assert.Equal(new DateOnly(1979, 5, 27), value.Date);
        Assert.Equal(new TimeOnly(0, 32, 0), value.TimeToSecond);
        Assert.Equal(999_000_000, value.Nanosecond);
        Assert.Equal(TimeSpan.FromHours(-7), value.Offset);
    }

    [Fact]
    public void Local_date_followed_by_a_comment_is_a_date()
    {
        var value = Assert.IsType<TomlDateTime>(Parse.Valid("d = 1979-05-27 # birthday\n")["d"]);

        Assert.Equal(TomlDateTimeKind.LocalDate, value.Kind);
        Assert.Null(value.Offset);
    }

    [Fact]
    public void Leap_second_is_rejected_because_TimeOnly_cannot_hold_it()
    {
        Assert.Contains("leap seconds are not supported", Parse.Invalid("t = 23:59:60\n").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s = \"\"\"a\rb\"\"\"\n")]
    [InlineData("s = '''a\rb'''\n")]
    public void Bare_carriage_return_in_a_multi_line_string_is_rejected(string toml)
    {
        var error = Parse.Invalid(toml);

        Assert.Equal(new TomlPosition(1, 9), error.Position);
        Assert.StartsWith("bare carriage return", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_line_strings_read_crlf_as_lf()
    {
        var root = Parse.Valid("a = \"\"\"\r\none\r\ntwo\"\"\"\r\nb = '''x\r\ny'''\r\n");

        Assert.Equal("one\ntwo", Assert.IsType<TomlString>(root["a"]).Value);
        Assert.Equal("x\ny", Assert.IsType<TomlString>(root["b"]).Value);
    }

    [Fact]
    public void Escapes_decode_to_the_characters_they_name()
    {
        var root = Parse.Valid("s = \"tab\\there \\\"q\\\" \\u00E9 \\U0001F600 \\\\\"\n");

        Assert.Equal("tab\there \"q\" é 😀 \\", Assert.IsType<TomlString>(root["s"]).Value);
    }

    [Fact]
    public void Bom_is_only_allowed_at_the_very_start()
    {
        Parse.Valid("\uFEFFa = 1\n"u8.ToArray());
        var error = Parse.Invalid("\uFEFF\uFEFFa = 1\n"u8.ToArray());

        Assert.Equal(new TomlPosition(1, 1), error.Position);
    }

    [Fact]
    public void Utf16_input_is_rejected_with_a_message_saying_so()
    {
        var error = Parse.Invalid([0xFF, 0xFE, (byte)'a', 0, (byte)'=', 0, (byte)'1', 0]);

        Assert.Equal("the file is UTF-16 (it starts with a UTF-16 byte order mark); TOML must be UTF-8", error.Message);
    }

    [Fact]
    public void Tables_keep_keys_in_document_order()
    {
        var root = Parse.Valid("z = 1\na = 2\n[m]\n[b]\n");

        Assert.Equal(["z", "a", "m", "b"], root.Keys);
    }
}
