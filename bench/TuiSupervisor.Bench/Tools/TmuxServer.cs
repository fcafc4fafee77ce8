using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TuiSupervisor.Bench.Tools;

/// <summary>
/// A tmux server of our own (<c>-L NAME -f /dev/null</c>, so no user's config or server is
/// touched) running one program full-screen in one pane: the real terminal the TUI is measured in.
/// It is driven through one control-mode client (<c>tmux -C attach</c>): keys are sent and the
/// screen is read with commands on its stdin, without a fork per poll, and every byte the program
/// writes to its terminal arrives as an <c>%output</c> notification, which is how the terminal's
/// side of the byte count is taken.
/// </summary>
internal sealed class TmuxServer : IAsyncDisposable
{
    private const string Session = "bench";

    private readonly string _tmux;
    private readonly string _name;
    private readonly Process _control;
    private readonly Task _reading;
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<IReadOnlyList<string>>> _pending = new();
    private long _outputBytes;

    private TmuxServer(string tmux, string name, Process control)
    {
        _tmux = tmux;
        _name = name;
        _control = control;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The program in the pane (it is executed directly, not through a shell).</summary>
    public int PanePid { get; private set; }

    /// <summary>The tmux server: the terminal emulator, whose CPU is what the program's output costs the terminal.</summary>
    public int ServerPid { get; private set; }

    /// <summary>Every byte the program wrote to its terminal since the control client attached.</summary>
    public long OutputBytes => Interlocked.Read(ref _outputBytes);

    /// <summary>Starts <paramref name="command"/> in a <paramref name="width"/>×<paramref name="height"/> pane of a new server, with <paramref name="environment"/> added to the server's.</summary>
    public static async Task<TmuxServer> StartAsync(IReadOnlyList<string> command, int width, int height, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var tmux = Command.Find("tmux") ?? throw new SkipException("needs tmux (apt-get install -y tmux)");
        var name = string.Create(CultureInfo.InvariantCulture, $"tuibench-{Environment.ProcessId}");
        var variables = (environment ?? new Dictionary<string, string>()).SelectMany(v => new[] { "-e", $"{v.Key}={v.Value}" });
        string[] newSession = ["-L", name, "-f", "/dev/null", "new-session", "-d", "-s", Session, "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory, .. variables, .. command];
        await Command.RunCheckedAsync(tmux, newSession, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var start = new ProcessStartInfo(tmux)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            // Bytes as they come: pane output is any bytes, and a capture is UTF-8 decoded apart.
            StandardOutputEncoding = Encoding.Latin1,
        };
        foreach (var arg in new[] { "-L", name, "-C", "attach", "-t", Session })
            start.ArgumentList.Add(arg);
        var control = Process.Start(start) ?? throw new InvalidOperationException("could not start tmux -C");
        var server = new TmuxServer(tmux, name, control);
        try
        {
            var ids = (await server.CommandAsync("display-message -p -t bench:0.0 '#{pane_pid} #{pid}'").ConfigureAwait(false)).Single().Split(' ');
            server.PanePid = int.Parse(ids[0], CultureInfo.InvariantCulture);
            server.ServerPid = int.Parse(ids[1], CultureInfo.InvariantCulture);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one tmux command and returns its output lines; a command tmux refuses throws.</summary>
    public async Task<IReadOnlyList<string>> CommandAsync(string command)
    {
        var reply = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            // Replies come in the order of the commands: queued and written under one lock.
            _pending.Enqueue(reply);
            _control.StandardInput.Write(command + "\n");
            _control.StandardInput.Flush();
        }

        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Types <paramref name="key"/> (tmux's key name: <c>j</c>, <c>Down</c>, <c>C-c</c>) into the pane.</summary>
    public Task SendKeyAsync(string key) => CommandAsync($"send-keys -t bench:0.0 {key}");

    /// <summary>The pane's screen as text, one string with a newline per row.</summary>
    public async Task<string> CaptureAsync()
    {
        var lines = await CommandAsync("capture-pane -p -t bench:0.0").ConfigureAwait(false);
        return Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(string.Join('\n', lines)));
    }

    /// <summary>Polls the screen until <paramref name="shown"/> says yes; throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForScreenAsync(Func<string, bool> shown, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        string screen;
        while (!shown(screen = await CaptureAsync().ConfigureAwait(false)))
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"the screen did not show {what} in {timeout.TotalSeconds} s; it showed:\n{screen}");
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Command.RunAsync(_tmux, ["-L", _name, "kill-server"], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _control.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _control.Kill();
        }

        await _reading.ConfigureAwait(false);
        _control.Dispose();
    }

    /// <summary>
    /// Control mode's output: a command's reply between <c>%begin</c> and <c>%end</c> (or
    /// <c>%error</c>) whose last field is 1 for commands of this client (the attach itself
    /// answers with 0), and notifications outside them, of which only <c>%output</c> counts.
    /// </summary>
    private async Task ReadAsync()
    {
        List<string>? block = null;
        var ours = false;
        while (await _control.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (block is not null)
            {
                var end = line.StartsWith("%end ", StringComparison.Ordinal);
                if (!end && !line.StartsWith("%error ", StringComparison.Ordinal))
                {
                    block.Add(line);
                    continue;
                }

                if (ours)
                    Complete(block, end ? null : string.Join(' ', block));
                block = null;
            }
            else if (line.StartsWith("%begin ", StringComparison.Ordinal))
            {
                block = [];
                ours = line.EndsWith(" 1", StringComparison.Ordinal);
            }
            else if (line.StartsWith("%output ", StringComparison.Ordinal))
            {
                Interlocked.Add(ref _outputBytes, UnescapedLength(line.AsSpan(line.IndexOf(' ', "%output ".Length) + 1)));
            }
        }

        lock (_lock)
        {
            while (_pending.TryDequeue(out var reply))
                reply.TrySetException(new IOException("tmux's control client ended"));
        }
    }

    private void Complete(List<string> block, string? error)
    {
        TaskCompletionSource<IReadOnlyList<string>>? reply;
        lock (_lock)
            _pending.TryDequeue(out reply);
        if (error is null)
            reply?.TrySetResult(block);
        else
            reply?.TrySetException(new InvalidOperationException($"tmux: {error}"));
    }

    /// <summary>The bytes an <c>%output</c> payload stands for: tmux writes bytes below 32 and the backslash as <c>\ooo</c>.</summary>
    private static int UnescapedLength(ReadOnlySpan<char> payload)
    {
        var length = 0;
        for (var i = 0; i < payload.Length; i++, length++)
        {
            if (payload[i] == '\\')
                i += 3;
        }

        return length;
    }
}
