using System.Text;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Headless;

/// <summary>
/// The shell at a terminal: the prompt with line editing, history and Tab completion of commands
/// and names (the terminal layer's <see cref="LineReader"/>); answers and activity print above the
/// line being edited, so they never garble it. Ctrl-D on an empty line quits, Ctrl-C drops the
/// line or ends a running follow; a terminal that hangs up ends the input.
/// </summary>
internal sealed class TerminalConsole : IShellConsole
{
    private readonly PosixTerminal _terminal;
    private readonly LineReader _reader;
    private readonly StringBuilder _partial = new();
    private readonly TextWriter? _activityFile;
    private readonly TaskCompletionSource _hungUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="activityFile">Where activity goes when stderr is not the terminal (<c>2&gt;engine.log</c>); null prints it above the prompt.</param>
    public TerminalConsole(ISupervisor supervisor, string prompt, TextWriter? activityFile)
    {
        _activityFile = activityFile;
        _terminal = PosixTerminal.Open(PosixTerminalOptions.Inline);
        _terminal.TerminationRequested += (_, _) => _hungUp.TrySetResult();
        _reader = new LineReader(_terminal, TimeProvider.System, ColorModeDetector.Detect(noColor: false))
        {
            Prompt = prompt,
            Completion = before => CommandCompletion.Candidates(before, supervisor.Current.Processes),
        };
        _reader.Interrupted += (_, _) => Interrupted?.Invoke(this, EventArgs.Empty);
    }

    public bool EndOfInputQuits => true;

    public event EventHandler? Interrupted;

    public async Task<string?> ReadLineAsync()
    {
        using var hangUp = new CancellationTokenSource();
        var read = _reader.ReadLineAsync(hangUp.Token);
        if (await Task.WhenAny(read, _hungUp.Task).ConfigureAwait(false) == read)
            return await read.ConfigureAwait(false);
        await hangUp.CancelAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Whole lines go above the prompt; a follow's chunks are held until their line ends.</summary>
    public void WriteOutput(string text, bool newLine)
    {
        lock (_partial)
        {
            _partial.Append(text);
            if (newLine)
                _partial.Append('\n');
            var whole = _partial.ToString().LastIndexOf('\n');
            if (whole < 0)
                return;
            _reader.WriteAbove(_partial.ToString(0, whole));
            _partial.Remove(0, whole + 1);
        }
    }

    public void WriteActivity(string line)
    {
        if (_activityFile is null)
        {
            _reader.WriteAbove(line);
            return;
        }

        lock (_activityFile)
        {
            _activityFile.WriteLine(line);
            _activityFile.Flush();
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _terminal.Dispose();
    }
}
