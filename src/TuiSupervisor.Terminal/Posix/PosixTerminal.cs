using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// The real terminal: the controlling terminal on stdin/stdout (or <c>/dev/tty</c> when they are
/// redirected), in raw mode, with the modes of <see cref="PosixTerminalOptions"/>.
/// </summary>
/// <remarks>
/// <para>
/// The terminal is restored (attributes reset, modes off, cursor shown, main screen back, the
/// original termios) on <see cref="Dispose"/>, at process exit, on an unhandled exception, and
/// on SIGTERM, SIGINT, SIGQUIT and SIGHUP. On those signals the process does not end: the
/// terminal is restored first, then <see cref="TerminationRequested"/> is raised and
/// <see cref="TerminationToken"/> cancelled, so the program can shut down gracefully (stopping its
/// children, printing what it did) on the normal screen. Writes after that are dropped. With
/// <see cref="PosixTerminalOptions.HandleTerminationSignals"/> off the program handles those
/// signals itself and must dispose the terminal before it exits.
/// </para>
/// <para>
/// Ctrl-Z arrives as a key in raw mode; <see cref="Suspend"/> (which <see cref="Application"/>
/// calls for it) and an external SIGTSTP restore the terminal and stop the process; SIGCONT
/// enters raw mode and the alternate screen again and raises <see cref="Resized"/> so the
/// application redraws everything. SIGCONT is handled here (cancelled for the runtime), because
/// the runtime's own handling would put back the termios it saw at start-up.
/// </para>
/// <para>
/// Never use <c>Console.ReadKey</c>, <c>Console.KeyAvailable</c> or <c>Console.In</c> while a
/// PosixTerminal is open: the runtime's console reconfigures termios for its own reads.
/// </para>
/// </remarks>
public sealed partial class PosixTerminal : ITerminalDevice, IDisposable
{
    private readonly Lock _gate = new();
    private readonly PosixTerminalOptions _options;
    private readonly int _inputFd;
    private readonly int _outputFd;
    private readonly int _openedFd;
    private readonly byte[] _originalTermios = new byte[Interop.TermiosBufferSize];
    private readonly CancellationTokenSource _termination = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private TerminalSize _size;
    private bool _active;
    private bool _disposed;
    private TerminalInputHandler? _input;

    private PosixTerminal(int inputFd, int outputFd, int openedFd, PosixTerminalOptions options)
    {
        _inputFd = inputFd;
        _outputFd = outputFd;
        _openedFd = openedFd;
        _options = options;
        _size = Interop.WindowSize(_outputFd) ?? Interop.WindowSize(_inputFd) ?? new TerminalSize(80, 24);
    }

    public event EventHandler<TerminalSize>? Resized;

    /// <summary>SIGTERM, SIGINT, SIGQUIT or SIGHUP arrived (or the terminal hung up), after the terminal was restored.</summary>
    public event EventHandler<PosixSignal>? TerminationRequested;

    public event TerminalInputHandler? InputReceived
    {
        add
        {
            lock (_gate)
            {
                _input += value;
                StartReader();
            }
        }

        remove
        {
            lock (_gate)
                _input -= value;
        }
    }

    /// <summary>Whether stdin and stdout are a terminal: the condition for a TUI or a line editor.</summary>
    public static bool IsInteractive => OperatingSystem.IsLinux() && Interop.IsTerminal(0) && Interop.IsTerminal(1);

    public TerminalSize Size
    {
        get
        {
            lock (_gate)
                return _size;
        }
    }

    /// <summary>Cancelled once a termination signal arrived (after the terminal was restored).</summary>
    public CancellationToken TerminationToken => _termination.Token;

    /// <summary>Whether raw mode and the screen modes are on (false after a restore).</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
                return _active;
        }
    }

    /// <summary>
    /// Takes the controlling terminal: stdin and stdout when both are terminals, otherwise
    /// <c>/dev/tty</c>. Enters raw mode and the chosen modes at once.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    /// <exception cref="InvalidOperationException">There is no terminal (run headless instead).</exception>
    public static PosixTerminal Open(PosixTerminalOptions? options = null)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The terminal layer drives Linux terminals only");
        int input = 0, output = 1, opened = -1;
        if (!Interop.IsTerminal(0) || !Interop.IsTerminal(1))
        {
            opened = Interop.open("/dev/tty", Interop.O_RDWR | Interop.O_NOCTTY | Interop.O_CLOEXEC);
            if (opened < 0)
                throw new InvalidOperationException("No terminal: stdin and stdout are not terminals and /dev/tty cannot be opened");
            input = Interop.IsTerminal(0) ? 0 : opened;
            output = Interop.IsTerminal(1) ? 1 : opened;
        }

        var terminal = new PosixTerminal(input, output, opened, options ?? PosixTerminalOptions.FullScreen);
        try
        {
            terminal.SaveOriginal();
            terminal.RegisterRestoreHooks();
            terminal.Enter();
        }
        catch
        {
            terminal.Dispose();
            throw;
        }

        return terminal;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_active)
                Interop.WriteAll(_outputFd, data);
        }
    }

    /// <summary>Restores the terminal and stops the process (Ctrl-Z); it comes back in raw mode on SIGCONT.</summary>
    public void Suspend()
    {
        Leave();
        Interop.kill(Interop.getpid(), Interop.SIGSTOP);
    }

    /// <summary>Restores the terminal now (idempotent); the program keeps running.</summary>
    public void Restore() => Leave();

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
        }

        StopReader();
        Leave();
        foreach (var registration in _signals)
            registration.Dispose();
        _signals.Clear();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        if (_openedFd >= 0)
            Interop.close(_openedFd);
        _termination.Dispose();
    }

    private unsafe void SaveOriginal()
    {
        fixed (byte* termios = _originalTermios)
        {
            if (Interop.tcgetattr(_inputFd, termios) != 0)
                throw new InvalidOperationException($"tcgetattr failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [SupportedOSPlatform("linux")]
    private void RegisterRestoreHooks()
    {
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        if (_options.HandleTerminationSignals)
        {
            foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
                _signals.Add(PosixSignalRegistration.Create(signal, OnTerminationSignal));
        }

        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTSTP, OnStopSignal));
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, OnContinueSignal));
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, OnWindowChanged));
    }

    private unsafe void Enter()
    {
        lock (_gate)
        {
            if (_active || _disposed)
                return;
            var raw = (byte[])_originalTermios.Clone();
            fixed (byte* termios = raw)
            {
                MakeRaw(termios);
                Interop.tcsetattr(_inputFd, Interop.TCSANOW, termios);
            }

            _active = true;
            Interop.WriteAll(_outputFd, Encoding.ASCII.GetBytes(EnterSequence()));
        }
    }

    private unsafe void Leave()
    {
        lock (_gate)
        {
            if (!_active)
                return;
            _active = false;
            Interop.WriteAll(_outputFd, Encoding.ASCII.GetBytes(LeaveSequence()));
            fixed (byte* termios = _originalTermios)
                Interop.tcsetattr(_inputFd, Interop.TCSANOW, termios);
        }
    }

    /// <summary>
    /// cfmakeraw, except that output processing (OPOST: \n as \r\n) stays on, so a stray line
    /// written by anyone else still starts at the left edge.
    /// </summary>
    private static unsafe void MakeRaw(byte* termios)
    {
        var iflag = (uint*)(termios + Interop.IflagOffset);
        var cflag = (uint*)(termios + Interop.CflagOffset);
        var lflag = (uint*)(termios + Interop.LflagOffset);
        *iflag &= ~(Interop.IGNBRK | Interop.BRKINT | Interop.PARMRK | Interop.ISTRIP | Interop.INLCR | Interop.IGNCR | Interop.ICRNL | Interop.IXON);
        *lflag &= ~(Interop.ECHO | Interop.ECHONL | Interop.ICANON | Interop.ISIG | Interop.IEXTEN);
        *cflag &= ~(Interop.CSIZE | Interop.PARENB);
        *cflag |= Interop.CS8;
        *(uint*)(termios + Interop.OflagOffset) |= Interop.OPOST;
        termios[Interop.CcOffset + Interop.VMIN] = 1;
        termios[Interop.CcOffset + Interop.VTIME] = 0;
    }

    private string EnterSequence()
    {
        var text = new StringBuilder();
        if (_options.AlternateScreen)
            text.Append("\e[?1049h");
        if (_options.HideCursor)
            text.Append("\e[?25l");
        if (_options.Mouse)
            text.Append("\e[?1000h\e[?1002h\e[?1006h");
        if (_options.BracketedPaste)
            text.Append("\e[?2004h");
        return text.ToString();
    }

    private string LeaveSequence()
    {
        var text = new StringBuilder("\e[0m");
        if (_options.BracketedPaste)
            text.Append("\e[?2004l");
        if (_options.Mouse)
            text.Append("\e[?1006l\e[?1002l\e[?1000l");
        text.Append("\e[?25h");
        if (_options.AlternateScreen)
            text.Append("\e[?1049l");
        return text.ToString();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Leave();

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Leave();

    private void OnTerminationSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        RequestTermination(context.Signal);
    }

    private void RequestTermination(PosixSignal signal)
    {
        Leave();
        TerminationRequested?.Invoke(this, signal);
        try
        {
            _termination.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nobody is waiting for the token any more.
        }
    }

    private void OnStopSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Suspend();
    }

    private void OnContinueSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (_gate)
        {
            if (_disposed || _termination.IsCancellationRequested)
                return;
        }

        Enter();
        RefreshSize();
    }

    private void OnWindowChanged(PosixSignalContext context) => RefreshSize();

    private void RefreshSize()
    {
        TerminalSize size;
        lock (_gate)
        {
            _size = Interop.WindowSize(_outputFd) ?? Interop.WindowSize(_inputFd) ?? _size;
            size = _size;
        }

        Resized?.Invoke(this, size);
    }
}
