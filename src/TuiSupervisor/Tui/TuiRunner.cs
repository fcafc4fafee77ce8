using System.Runtime.InteropServices;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui;

/// <summary>
/// Runs the TUI over an engine until the operator quits, a signal arrives, or (attached) the
/// engine goes away. With an engine of its own, quitting shuts the engine down first: from a
/// key, on the screen, so the operator watches the processes stop; from a signal (SIGTERM,
/// SIGINT, SIGHUP: the terminal may be gone), after the terminal is restored, with the engine's
/// activity on stderr as in headless mode. A second SIGINT kills what is left.
/// </summary>
internal sealed class TuiRunner(ISupervisor supervisor, Supervisor? ownEngine, Theme theme, ColorMode colorMode)
{
    /// <summary>Below this the layout cannot hold a table and a log; a one-line notice shows instead.</summary>
    private static readonly TerminalSize MinimumSize = new(50, 10);

    private readonly TaskCompletionSource<QuitCause> _quit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _interrupts;

    /// <summary>Ends the TUI as quitting does, without asking (<c>ctl shutdown</c>).</summary>
    public void RequestShutdown() => _quit.TrySetResult(QuitCause.Operator);

    /// <summary>Runs until the end; <paramref name="engineGone"/> (attached) ends it when the engine's feed closes.</summary>
    public async Task<int> RunAsync(Task? engineGone = null)
    {
        var terminal = PosixTerminal.Open();
        using var signals = RegisterSignals();
        using var screen = new SupervisorScreen(supervisor, TimeProvider.System, theme, attached: ownEngine is null);
        var app = new Application(terminal, screen, new ApplicationOptions
        {
            ColorMode = colorMode,
            Background = theme[ThemeRoles.Normal],
            MinimumSize = MinimumSize,
        });
        screen.Attach(app);
        screen.QuitRequested += (_, _) => _quit.TrySetResult(QuitCause.Operator);
        _ = engineGone?.ContinueWith(_ => _quit.TrySetResult(QuitCause.EngineGone), TaskScheduler.Default);
        var ui = app.RunAsync();
        var cause = await _quit.Task.ConfigureAwait(false);

        if (ownEngine is not null && cause == QuitCause.Operator)
        {
            // Quit from the screen: it stays up while the processes stop, so the operator sees it happen.
            screen.Announce("shutting down: stopping every process …");
            await ownEngine.ShutdownAsync().ConfigureAwait(false);
        }

        app.RequestStop();
        await ui.ConfigureAwait(false);
        app.Dispose();
        terminal.Dispose();

        if (ownEngine is not null && cause.Signal is { } signal)
        {
            // A signal: the terminal is restored (or gone); the shutdown reports itself as headless mode does.
            using var activity = ownEngine.Subscribe(_ => { }, e => Console.Error.WriteLine(EventText.Format(e)));
            Console.Error.WriteLine($"{signal} received: shutting down");
            await ownEngine.ShutdownAsync().ConfigureAwait(false);
        }

        if (cause == QuitCause.EngineGone)
        {
            Console.Error.WriteLine("tuisupervisor attach: the engine went away");
            return ExitCodes.UnknownOrNoEngine;
        }

        return ExitCodes.Success;
    }

    private Registrations RegisterSignals()
    {
        var registrations = new Registrations();
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            registrations.Add(PosixSignalRegistration.Create(signal, OnTermination));
        return registrations;
    }

    private void OnTermination(PosixSignalContext context)
    {
        // The runtime's default would end the process without stopping the children.
        context.Cancel = true;
        if (context.Signal == PosixSignal.SIGINT && Interlocked.Increment(ref _interrupts) > 1 && ownEngine is { } engine)
        {
            Console.Error.WriteLine("second SIGINT: killing every remaining process");
            _ = engine.KillAllAsync();
            return;
        }

        _quit.TrySetResult(new QuitCause(context.Signal));
    }

    /// <summary>Why the TUI ends: the operator (a key, the palette, <c>ctl shutdown</c>), a signal, or a lost engine.</summary>
    private sealed record QuitCause(PosixSignal? Signal = null, bool Gone = false)
    {
        public static QuitCause Operator { get; } = new();

        public static QuitCause EngineGone { get; } = new(Gone: true);
    }

    /// <summary>The signal handlers, kept until the shutdown is over (the terminal's own go with it).</summary>
    private sealed class Registrations : IDisposable
    {
        private readonly List<PosixSignalRegistration> _items = [];

        public void Add(PosixSignalRegistration registration) => _items.Add(registration);

        public void Dispose()
        {
            foreach (var item in _items)
                item.Dispose();
        }
    }
}
