using System.Diagnostics;
using System.Globalization;

namespace TuiSupervisor.Tests.Tui;

/// <summary>
/// The real executable in a real terminal: a detached tmux session on a server of its own (so
/// tests run in parallel and leave nothing behind), typed into with <c>send-keys</c> and read
/// with <c>capture-pane</c>. After the program exits, the pane's shell records the terminal
/// modes (<c>stty -a</c>) so a test can check they were restored.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _server = "tuisup-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _sttyFile;

    public TmuxSession(string workingDirectory, int width, int height, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        _sttyFile = Path.Combine(workingDirectory, "stty-after-exit.txt");
        var command = "dotnet " + Quote(Path.Combine(AppContext.BaseDirectory, "tuisupervisor.dll")) + " " + string.Join(' ', args.Select(Quote))
            + "; echo \"exit=$?\" > " + Quote(_sttyFile + ".exit") + "; stty -a > " + Quote(_sttyFile) + "; exec sleep 600";
        var newSession = new List<string> { "-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", Text(width), "-y", Text(height), "-c", workingDirectory };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            newSession.AddRange(["-e", key + "=" + value]);
        newSession.Add(command);
        Tmux([.. newSession]);
    }

    /// <summary>The screen's text, one line per row, without colours.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-t", "main");

    /// <summary>The screen with its SGR sequences, as tmux re-creates them.</summary>
    public string ScreenWithColours() => Tmux("capture-pane", "-p", "-e", "-t", "main");

    /// <summary>Sends tmux key names (<c>Down</c>, <c>C-r</c>, <c>Escape</c>, <c>s</c>).</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", "main", .. keys]);

    /// <summary>Types text literally.</summary>
    public void Type(string text) => Tmux("send-keys", "-t", "main", "-l", text);

    public void Resize(int width, int height) => Tmux("resize-window", "-t", "main", "-x", Text(width), "-y", Text(height));

    /// <summary>A tmux format variable of the pane, e.g. <c>alternate_on</c> or <c>cursor_flag</c>.</summary>
    public string Pane(string variable) => Tmux("display-message", "-p", "-t", "main", "#{" + variable + "}").Trim();

    /// <summary>Waits until the screen satisfies <paramref name="condition"/> and returns it.</summary>
    public string WaitForScreen(Func<string, bool> condition, string what, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (condition(screen))
                return screen;
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"{what}: not on the screen in {seconds} s; the screen:\n{screen}");
            Thread.Sleep(50);
        }
    }

    public string WaitFor(string text, double seconds = 20) => WaitForScreen(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", seconds);

    /// <summary>Waits for the program to exit; returns its exit code and the terminal's modes after it.</summary>
    public (int ExitCode, string Stty) WaitForExit(double seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(_sttyFile) || new FileInfo(_sttyFile).Length == 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"the program did not exit in {seconds} s; the screen:\n{Screen()}");
            Thread.Sleep(50);
        }

        Thread.Sleep(50);
        var exit = File.ReadAllText(_sttyFile + ".exit").Trim();
        return (int.Parse(exit["exit=".Length..], CultureInfo.InvariantCulture), File.ReadAllText(_sttyFile));
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is already gone.
        }
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_server);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var tmux = Process.Start(start)!;
        var output = tmux.StandardOutput.ReadToEnd();
        var error = tmux.StandardError.ReadToEnd();
        tmux.WaitForExit();
        if (tmux.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error.Trim()}");
        return output;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
