using System.Runtime.InteropServices;
using System.Globalization;
using TuiSupervisor.Terminal;
using TuiSupervisor.Terminal.TestHost;

return args.FirstOrDefault() switch
{
    "app" => RunApp(args.Length > 1 ? args[1] : null),
    "linereader" => await RunLineReaderAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TerminalTestHost app [PIDFILE] | linereader");
    return 2;
}

// A full-screen application that shows its size and the last input; q quits, c crashes.
static int RunApp(string? pidFile)
{
    using var terminal = PosixTerminal.Open();
    if (pidFile is not null)
        File.WriteAllText(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    var view = new EchoView();
    using var app = new Application(terminal, view, new ApplicationOptions { MinimumSize = new TerminalSize(20, 5) });
    view.Quit = app.RequestStop;
    PosixSignal? signal = null;
    terminal.TerminationRequested += (_, s) =>
    {
        signal = s;
        app.RequestStop();
    };
    app.Run();
    terminal.Dispose();
    if (signal is { } received)
    {
        // The graceful shutdown runs on the normal screen, after the terminal was restored.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shutting down after {received}; raw mode: {terminal.IsActive}"));
        Thread.Sleep(200);
        Console.WriteLine("shutdown complete");
    }

    return 0;
}

// The headless shell's shape: a prompt with editing and completion while activity lines arrive
// every 100 ms from another thread; "quit" or Ctrl-D ends it.
static async Task<int> RunLineReaderAsync()
{
    string[] commands = ["reload", "restart", "start", "status", "stop"];
    using var terminal = PosixTerminal.Open(PosixTerminalOptions.Inline);
    using var reader = new LineReader(terminal)
    {
        Prompt = "tuisupervisor> ",
        Completion = before => before.Contains(' ', StringComparison.Ordinal) ? ["web", "worker"] : commands,
    };
    var count = 0;
    using var activity = new Timer(_ => reader.WriteAbove(string.Create(CultureInfo.InvariantCulture, $"\e[2mactivity {Interlocked.Increment(ref count)}\e[0m")), null, 100, 100);
    while (await reader.ReadLineAsync() is { } line && line != "quit")
        reader.WriteAbove("you said: " + line);
    await activity.DisposeAsync();
    reader.Dispose();
    terminal.Dispose();
    Console.WriteLine("bye");
    return 0;
}
