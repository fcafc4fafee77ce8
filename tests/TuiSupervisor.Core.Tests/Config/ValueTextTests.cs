using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Tests.Config;

public class ValueTextTests
{
    [Theory]
    [InlineData("10", 10_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData(" 3s ", 3_000)]
    public void Duration_text_reads_numbers_and_units(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(milliseconds, (long)duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("10 parsecs")]
    [InlineData("-5s")]
    [InlineData("s")]
    [InlineData("1.2.3s")]
    public void Duration_text_rejects_what_is_not_a_duration(string text) =>
        Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData("1024", 1024)]
    [InlineData("1KB", 1024)]
    [InlineData("50MB", 50L * 1024 * 1024)]
    [InlineData("1gb", 1024L * 1024 * 1024)]
    [InlineData("0", 0)]
    public void Size_text_is_1024_based_like_supervisord(string text, long bytes)
    {
        Assert.True(SizeText.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("12 parsecs")]
    [InlineData("-1KB")]
    public void Size_text_rejects_what_is_not_a_size(string text) =>
        Assert.False(SizeText.TryParse(text, out _));

}
