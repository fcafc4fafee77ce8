namespace TuiSupervisor.Headless;

/// <summary>
/// The shell over plain streams: stdin from a pipe, a file or /dev/null (nohup, systemd, scripts),
/// answers on stdout, activity on stderr. No prompt, no editing: nobody is typing.
/// </summary>
internal sealed class StreamConsole(TextReader input, TextWriter output, TextWriter activity, bool endOfInputQuits) : IShellConsole
{
    public bool EndOfInputQuits => endOfInputQuits;

    /// <summary>Ctrl-C on a cooked terminal is SIGINT, which the shell handles itself.</summary>
    public event EventHandler? Interrupted
    {
        add { }
        remove { }
    }

    public Task<string?> ReadLineAsync() => input.ReadLineAsync();

    public void WriteOutput(string text, bool newLine)
    {
        lock (output)
        {
            if (newLine)
                output.WriteLine(text);
            else
                output.Write(text);
            output.Flush();
        }
    }

    public void WriteActivity(string line)
    {
        lock (activity)
        {
            activity.WriteLine(line);
            activity.Flush();
        }
    }

    public void Dispose()
    {
    }
}
