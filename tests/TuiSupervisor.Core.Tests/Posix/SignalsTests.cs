using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Posix;

public sealed class SignalsTests
{
    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("SIGTERM", 15)]
    [InlineData("sigterm", 15)]
    [InlineData(" usr1 ", 10)]
    [InlineData("HUP", 1)]
    [InlineData("INT", 2)]
    [InlineData("QUIT", 3)]
    [InlineData("KILL", 9)]
    [InlineData("USR2", 12)]
    [InlineData("CHLD", 17)]
    [InlineData("STOP", 19)]
    [InlineData("WINCH", 28)]
    [InlineData("IOT", 6)]
    public void Names_parse_with_or_without_SIG_in_any_case(string name, int expected)
    {
        Assert.True(Signals.TryParse(name, out int signal));
        Assert.Equal(expected, signal);
    }

    [Theory]
    [InlineData("9", 9)]
    [InlineData(" 15 ", 15)]
    [InlineData("64", 64)]
    public void Numbers_parse_as_supervisorctls_signal_takes_them(string number, int expected)
    {
        Assert.True(Signals.TryParse(number, out int signal));
        Assert.Equal(expected, signal);
    }

    [Theory]
    [InlineData("FOO")]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("-9")]
    [InlineData("9x")]
    [InlineData("")]
    [InlineData("SIG")]
    [InlineData("SIGSIGTERM")]
    public void Unknown_names_and_numbers_out_of_range_do_not_parse(string name)
    {
        Assert.False(Signals.TryParse(name, out _));
    }

    [Fact]
    public void Every_required_name_round_trips_through_its_number()
    {
        string[] names = ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
            "ALRM", "TERM", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "WINCH"];
        foreach (string name in names)
        {
            Assert.True(Signals.TryParse(name, out int signal), name);
            Assert.Equal("SIG" + name, Signals.Name(signal));
        }
    }

    [Fact]
    public void A_number_without_a_name_reads_as_supervisord_writes_it()
    {
        Assert.Equal("signal 45", Signals.Name(45));
    }
}
