using System.Diagnostics;

namespace TuiSupervisor.Terminal.Tests.Posix;

/// <summary>
/// A private tmux server (its own socket) with one W×H window running a plain bash: a real
/// terminal for end-to-end tests. Every wait polls the screen with a deadline.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly string _socket = "tt-" + Guid.NewGuid().ToString("N")[..12];

    public Tmux(int width = 80, int height = 24)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("terminal-tests-").FullName;
        Run("-f", "/dev/null", "new-session", "-d", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", "t", "env PS1='$ ' bash --norc --noprofile");
        WaitFor(screen => screen.Contains('$', StringComparison.Ordinal));
    }

    /// <summary>A scratch folder for pid files and stty dumps, removed at the end.</summary>
    public string Directory { get; }

    /// <summary>The path of the test host, built beside the tests.</summary>
    public static string HostCommand => "dotnet " + Path.Combine(AppContext.BaseDirectory, "TerminalTestHost.dll");

    /// <summary>Types a shell command and Enter.</summary>
    public void Type(string line)
    {
        Run("send-keys", "-t", "t", "-l", line);
        Run("send-keys", "-t", "t", "Enter");
    }

    /// <summary>Sends tmux key names (<c>q</c>, <c>Up</c>, <c>C-z</c>).</summary>
    public void Keys(params string[] keys) => Run(["send-keys", "-t", "t", .. keys]);

    /// <summary>Sends raw bytes, as a terminal would.</summary>
    public void Bytes(params byte[] bytes) => Run(["send-keys", "-t", "t", "-H", .. bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>Pastes <paramref name="text"/> as a terminal does (bracketed when the program asked for it).</summary>
    public void Paste(string text)
    {
        Run("set-buffer", "-b", "p", text);
        Run("paste-buffer", "-p", "-b", "p", "-t", "t");
    }

    public void Resize(int width, int height) =>
        Run("resize-window", "-t", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string Screen() => Run("capture-pane", "-p", "-t", "t");

    /// <summary>The screen with up to 500 lines that scrolled off above it.</summary>
    public string ScreenWithHistory() => Run("capture-pane", "-p", "-S", "-500", "-t", "t");

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>; fails with the last screen.</summary>
    public string WaitFor(Func<string, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var screen = "";
        while (deadline.Elapsed < (timeout ?? DefaultTimeout))
        {
            screen = Screen();
            if (condition(screen))
                return screen;
            Thread.Sleep(50);
        }

        throw new TimeoutException("The screen never showed what was expected; last screen:\n" + screen);
    }

    public string WaitForText(string text, TimeSpan? timeout = null) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), timeout);

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(10_000))
            process.Kill();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {error}");
        return output.Result;
    }
}
