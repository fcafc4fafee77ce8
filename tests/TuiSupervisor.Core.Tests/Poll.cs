namespace TuiSupervisor.Core.Tests;

internal static class Poll
{
    /// <summary>Waits for <paramref name="condition"/>, failing after a deadline instead of sleeping a fixed time.</summary>
    public static void Until(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, $"timed out waiting until {what}");
            Thread.Sleep(5);
        }
    }
}
