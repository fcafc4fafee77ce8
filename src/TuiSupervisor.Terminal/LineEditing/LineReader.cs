using System.Buffers;
using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// A prompt with line editing on the shell's own screen (no alternate screen), for a program that
/// also prints at any moment: <see cref="WriteAbove"/> clears the prompt line, prints, and draws
/// the prompt and the line being edited again, so output never garbles the input.
/// </summary>
/// <remarks>
/// <para>
/// Editing is <see cref="LineEditor"/>'s (bash's emacs keys, history in memory). Tab completes
/// the word before the cursor with <see cref="Completion"/>'s candidates (their common prefix);
/// a second Tab lists them above the prompt. Ctrl-L clears the screen. Ctrl-Z is left to the
/// device (suspend). Keys typed while no read is pending are kept: a line finished with Enter
/// then is returned by the next read (type-ahead); Ctrl-C then raises <see cref="Interrupted"/>
/// (to end a running <c>tail -f</c>, say).
/// </para>
/// <para>
/// Everything <see cref="WriteAbove"/> prints goes through <see cref="AnsiText"/>: colours are
/// kept, any other escape or control is neutralised. Thread-safe: one lock orders input, reads
/// and writes.
/// </para>
/// </remarks>
public sealed class LineReader : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ITerminalDevice _device;
    private readonly InputDecoder _decoder;
    private readonly ITimer _escapeTimer;
    private readonly ColorMode _colorMode;
    private readonly List<InputEvent> _events = [];
    private readonly Queue<LineReadResult> _typedAhead = new();
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private TaskCompletionSource<LineReadResult>? _pending;
    private CancellationTokenRegistration _pendingCancellation;
    private bool _promptShown;
    private bool _lastWasTab;
    private int _scroll;
    private bool _disposed;

    public LineReader(ITerminalDevice device, TimeProvider? timeProvider = null, ColorMode colorMode = ColorMode.Ansi16)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _colorMode = colorMode;
        var time = timeProvider ?? TimeProvider.System;
        _decoder = new InputDecoder(time);
        _escapeTimer = time.CreateTimer(_ => OnEscapeTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _device.InputReceived += OnInput;
        _device.Resized += OnResized;
    }

    public string Prompt { get; set; } = "> ";

    /// <summary>Given the text before the cursor, the words that may complete the word being typed.</summary>
    public Func<string, IReadOnlyList<string>>? Completion { get; set; }

    public LineEditor Editor { get; } = new();

    /// <summary>Ctrl-C while no read was pending (raised on the input thread).</summary>
    public event EventHandler? Interrupted;

    /// <summary>
    /// Shows the prompt and waits for a line: Enter gives it, Ctrl-D on an empty line the end of
    /// input, Ctrl-C an interruption (the line is dropped and <c>^C</c> shown).
    /// </summary>
    public Task<LineReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_pending is not null)
                throw new InvalidOperationException("A read is already pending");
            if (_typedAhead.TryDequeue(out var ready))
                return Task.FromResult(ready);
            var pending = new TaskCompletionSource<LineReadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending = pending;
            _promptShown = true;
            DrawPromptLine();
            Flush();
            _pendingCancellation = cancellationToken.Register(() => Cancel(pending, cancellationToken));
            return pending.Task;
        }
    }

    /// <summary>The next line, or null at the end of input (Ctrl-D on an empty line); Ctrl-C starts a fresh line and keeps waiting.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (result.Kind)
            {
                case LineReadKind.Line:
                    return result.Text;
                case LineReadKind.EndOfInput:
                    return null;
            }
        }
    }

    /// <summary>Prints <paramref name="text"/> (one or more lines) above the prompt; callable from any thread.</summary>
    public void WriteAbove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (_disposed)
                return;
            if (_promptShown)
                AnsiWriter.Ascii(_output, "\r\e[K");
            var lines = text.EndsWith('\n') ? text[..^1] : text;
            foreach (var line in lines.Split('\n'))
            {
                WriteStyled(AnsiText.Parse(line, Style.Default));
                AnsiWriter.Ascii(_output, "\e[K\r\n");
            }

            if (_promptShown)
                DrawPromptLine();
            Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _device.InputReceived -= OnInput;
            _device.Resized -= OnResized;
            _escapeTimer.Dispose();
            if (_promptShown)
            {
                AnsiWriter.Ascii(_output, "\r\n");
                Flush();
            }

            _pending?.TrySetResult(LineReadResult.EndOfInput);
        }
    }

    private void Cancel(TaskCompletionSource<LineReadResult> pending, CancellationToken token)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_pending, pending))
                return;
            _pending = null;
            _promptShown = false;
            AnsiWriter.Ascii(_output, "\r\n");
            Flush();
        }

        pending.TrySetCanceled(token);
    }

    private void OnResized(object? sender, TerminalSize size)
    {
        lock (_gate)
        {
            if (!_promptShown || _disposed)
                return;
            DrawPromptLine();
            Flush();
        }
    }

    private void OnEscapeTimeout()
    {
        lock (_gate)
        {
            _events.Clear();
            _decoder.FlushExpired(_events);
            HandleEvents();
        }
    }

    private void OnInput(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _events.Clear();
            _decoder.Decode(data, _events);
            HandleEvents();
            if (_decoder.PendingTimeout is { } timeout)
                _escapeTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Applies the decoded events; the lock is held.</summary>
    private void HandleEvents()
    {
        if (_events.Count == 0)
            return;
        foreach (var input in _events)
        {
            switch (input)
            {
                case PasteEvent paste:
                    Editor.Insert(paste.Text);
                    _lastWasTab = false;
                    break;
                case KeyEvent key:
                    HandleKey(key);
                    break;
            }
        }

        if (_promptShown)
            DrawPromptLine();
        Flush();
    }

    private void HandleKey(KeyEvent key)
    {
        var wasTab = _lastWasTab;
        _lastWasTab = false;
        if (key.Key == Key.Enter)
        {
            var line = Editor.Text;
            Editor.AddHistory(line);
            Editor.Clear();
            Finish(LineReadResult.Of(line), line, "");
        }
        else if (key == KeyEvent.Ctrl('d') && Editor.Text.Length == 0)
        {
            Finish(LineReadResult.EndOfInput, "", "");
        }
        else if (key == KeyEvent.Ctrl('c'))
        {
            var abandoned = Editor.Text;
            Editor.Clear();
            if (_pending is null)
                Interrupted?.Invoke(this, EventArgs.Empty);
            else
                Finish(LineReadResult.Interrupted, abandoned, "^C");
        }
        else if (key == KeyEvent.Ctrl('l'))
        {
            AnsiWriter.Ascii(_output, "\e[H\e[2J");
        }
        else if (key == KeyEvent.Ctrl('z'))
        {
            // Out before the stop; the device's Resized on continuing draws the prompt again.
            Flush();
            _device.Suspend();
        }
        else if (key.Key == Key.Tab && Completion is not null)
        {
            Complete(wasTab);
        }
        else
        {
            Editor.HandleKey(key);
        }
    }

    private void Complete(bool secondTab)
    {
        var candidates = Editor.Matching(Completion!(Editor.TextBeforeCursor));
        var extended = Editor.Complete(candidates);
        if (candidates.Count < 2)
            return;

        // As in bash: a Tab that leaves the word ambiguous arms the next one, which lists the candidates.
        _lastWasTab = true;
        if (extended || !secondTab)
            return;

        // The line stays as typed above the list (as in bash); the prompt is drawn again below it.
        if (_promptShown)
        {
            DrawPromptLine();
            AnsiWriter.Ascii(_output, "\r\n");
        }

        var width = Math.Max(1, _device.Size.Width);
        var column = candidates.Max(c => CellWidth.Of(c)) + 2;
        var perRow = Math.Max(1, width / column);
        for (var i = 0; i < candidates.Count; i += perRow)
        {
            var row = string.Concat(candidates.Skip(i).Take(perRow).Select(c => CellWidth.PadRight(c, column)));
            WriteStyled(AnsiText.Parse(row.TrimEnd(), Style.Default));
            AnsiWriter.Ascii(_output, "\e[K\r\n");
        }
    }

    /// <summary>Ends the pending read (or queues the result as type-ahead), leaving the prompt with <paramref name="shown"/> and <paramref name="suffix"/> on screen.</summary>
    private void Finish(LineReadResult result, string shown, string suffix)
    {
        if (_promptShown)
        {
            // The finished line stays on screen as typed (scrolled to its start), like a shell's.
            _scroll = 0;
            DrawPromptLine(shown);
            AnsiWriter.Ascii(_output, suffix + "\r\n");
            _promptShown = false;
        }

        var pending = _pending;
        _pending = null;
        if (pending is not null)
        {
            // Unregister, not Dispose: Dispose would wait for a running Cancel, which waits for this lock.
            _pendingCancellation.Unregister();
            pending.TrySetResult(result);
        }
        else
        {
            _typedAhead.Enqueue(result);
        }
    }

    /// <summary>Draws the prompt and the visible part of the line, and puts the cursor at the caret.</summary>
    private void DrawPromptLine(string? finished = null)
    {
        var width = Math.Max(2, _device.Size.Width);
        var prompt = CellWidth.Take(Prompt, width - 1, out var promptWidth);
        var field = Math.Max(1, width - promptWidth - 1);
        var text = finished ?? Editor.Text;
        var caret = finished is null ? Editor.CursorColumn : 0;
        if (caret < _scroll)
            _scroll = caret;
        else if (caret >= _scroll + field)
            _scroll = caret - field + 1;

        var visible = new CellBuffer(field, 1);
        visible.CreateSurface().Write(0, 0, StyledLine.Plain(text), Style.Default, _scroll);
        AnsiWriter.Ascii(_output, "\r");
        AnsiWriter.Text(_output, prompt);
        AnsiWriter.Text(_output, visible.LineText(0).TrimEnd(' '));
        AnsiWriter.Ascii(_output, "\e[K\r");
        var cursorColumn = promptWidth + caret - _scroll;
        if (finished is null && cursorColumn > 0)
        {
            AnsiWriter.Ascii(_output, "\e[");
            AnsiWriter.Number(_output, cursorColumn);
            AnsiWriter.Ascii(_output, "C");
        }
        else if (finished is not null && promptWidth + CellWidth.Of(visible.LineText(0).TrimEnd(' ')) is var end and > 0)
        {
            AnsiWriter.Ascii(_output, "\e[");
            AnsiWriter.Number(_output, Math.Min(width - 1, end));
            AnsiWriter.Ascii(_output, "C");
        }
    }

    private void WriteStyled(StyledLine line)
    {
        foreach (var span in line.Spans)
        {
            if (span.Style != Style.Default)
                AnsiWriter.Sgr(_output, span.Style, _colorMode);
            AnsiWriter.Text(_output, span.Text);
            if (span.Style != Style.Default)
                AnsiWriter.Ascii(_output, "\e[0m");
        }
    }

    /// <summary>Writes what was built (nested calls under the lock just add to the same buffer, in order).</summary>
    private void Flush()
    {
        if (_output.WrittenCount > 0)
            _device.Write(_output.WrittenSpan);
        _output.ResetWrittenCount();
    }
}
