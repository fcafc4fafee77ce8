using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Posix;

public sealed class ExitStatusTests
{
    [Theory]
    [InlineData(0x0000, 0, null, "exit status 0")]
    [InlineData(0x0300, 3, null, "exit status 3")]
    [InlineData(0xff00, 255, null, "exit status 255")]
    [InlineData(0x0009, null, 9, "terminated by SIGKILL")]
    [InlineData(0x008b, null, 11, "terminated by SIGSEGV")] // 0x80: a core was dumped
    public void Wait_status_words_decode_as_supervisord_describes_them(int status, int? code, int? signal, string text)
    {
        ExitStatus exit = ExitStatus.FromWaitStatus(42, status);

        Assert.Equal(new ExitStatus(42, code, signal), exit);
        Assert.Equal(text, new ProcessExit(exit.ExitCode, exit.Signal).Text);
    }

    [Fact]
    public void Status_taken_by_another_waiter_is_unknown()
    {
        Assert.Equal("exit status unknown", new ProcessExit(ExitStatus.Unknown(42).ExitCode, ExitStatus.Unknown(42).Signal).Text);
    }
}
