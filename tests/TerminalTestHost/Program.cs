using System.Runtime.InteropServices;
using System.Globalization;
using TuiSupervisor.Terminal;
using TuiSupervisor.Terminal.TestHost;

return args.FirstOrDefault() switch
{
    "app" => RunApp(args.Length > 1 ? args[1] : null),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TerminalTestHost app [PIDFILE]");
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
