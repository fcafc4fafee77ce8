namespace TuiSupervisor.Core.Tests;

internal static class Poll
{
    /// <summary>Waits for <paramref name="condition"/>, failing after a deadline instead of sleeping a fixed time.</summary>
    public static void Until(Func<bool> condition, string what, int timeoutMs = 10_000) => Until(condition, () => what, timeoutMs);

    /// <summary>As above, with the failure's text made only when it fails (to describe the state then).</summary>
    public static void Until(Func<bool> condition, Func<string> what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 >= deadline)
                Assert.Fail($"timed out waiting until {what()}");
            Thread.Sleep(5);
        }
    }
}
