namespace TuiSupervisor.Headless;

/// <summary>Where the headless shell reads its lines and writes its answers and the engine's activity.</summary>
internal interface IShellConsole : IDisposable
{
    /// <summary>The next command line; null at the end of input.</summary>
    Task<string?> ReadLineAsync();

    /// <summary>Whether the end of input means <c>quit</c> (a person at a terminal pressed Ctrl-D), not "nobody will type" (a pipe, /dev/null).</summary>
    bool EndOfInputQuits { get; }

    /// <summary>A command's answer; <paramref name="newLine"/> false for a follow's raw chunks.</summary>
    void WriteOutput(string text, bool newLine);

    /// <summary>One line of engine activity (timestamped by the caller).</summary>
    void WriteActivity(string line);

    /// <summary>Ctrl-C typed while a command runs (on a terminal in raw mode it is a key, not SIGINT).</summary>
    event EventHandler? Interrupted;
}
