using System.Collections.Concurrent;

namespace TuiSupervisor.Terminal;

/// <summary>
/// Runs a full-screen program on one UI thread: input from the device is decoded and given to
/// the focused view (or an overlay), work from other threads arrives through <see cref="Post"/>,
/// and frames are drawn only when something was invalidated, coalesced and capped at
/// <see cref="ApplicationOptions.MaxFramesPerSecond"/>, so a flood of updates costs at most one
/// frame per interval and input is handled between frames.
/// </summary>
/// <remarks>
/// The application does not own the device: whoever opened the <see cref="PosixTerminal"/>
/// disposes it, which restores the terminal. <see cref="Run"/> uses the calling thread as the UI
/// thread; <see cref="RunAsync"/> starts a dedicated one. Tests drive it without a loop through
/// <see cref="Start"/>, <see cref="ProcessPending"/> and <see cref="RenderNow"/>.
/// </remarks>
public sealed partial class Application : IDisposable
{
    private static readonly TimeSpan MinimumWorkBudget = TimeSpan.FromMilliseconds(10);

    private readonly ITerminalDevice _device;
    private readonly ApplicationOptions _options;
    private readonly InputDecoder _decoder;
    private readonly Renderer _renderer;
    private readonly ConcurrentQueue<Action> _work = new();

    // Input has its own queue, run before posted work, so keys stay responsive under a flood of posts.
    private readonly ConcurrentQueue<Action> _input = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly List<InputEvent> _events = [];
    private readonly List<View> _overlays = [];
    private readonly List<View?> _focusBeforeOverlay = [];
    private readonly ITimer _frameTimer;
    private readonly ITimer _escapeTimer;
    private readonly TimeSpan _frameInterval;
    private CellBuffer _frame = new(0, 0);
    private int _invalidated;
    private volatile bool _stopRequested;
    private bool _started;
    private bool _frameTimerArmed;
    private long _lastFrameAt;
    private bool _anyFrame;

    public Application(ITerminalDevice device, View root, ApplicationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(root);
        _device = device;
        Root = root;
        _options = options ?? new ApplicationOptions();
        _decoder = new InputDecoder(_options.TimeProvider, _options.EscapeTimeout);
        _renderer = new Renderer(_options.ColorMode);
        _frameInterval = _options.MaxFramesPerSecond > 0 ? TimeSpan.FromSeconds(1.0 / _options.MaxFramesPerSecond) : TimeSpan.Zero;
        _frameTimer = _options.TimeProvider.CreateTimer(_ => Enqueue(() => _frameTimerArmed = false), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _escapeTimer = _options.TimeProvider.CreateTimer(_ => EnqueueInput(FlushPendingInput), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public View Root { get; }

    public TimeProvider TimeProvider => _options.TimeProvider;

    public TerminalSize Size { get; private set; }

    /// <summary>Whether the terminal is below <see cref="ApplicationOptions.MinimumSize"/> (the views are not drawn).</summary>
    public bool IsTooSmall => Size.Width < _options.MinimumSize.Width || Size.Height < _options.MinimumSize.Height;

    public View? Focused { get; private set; }

    /// <summary>Overlays (dialogs, help), bottom-most first; the top one takes every key.</summary>
    public IReadOnlyList<View> Overlays => _overlays;

    public int FramesRendered { get; private set; }

    public bool IsRunning => _started && !_stopRequested;

    /// <summary>
    /// Raised on the UI thread just before each frame is drawn: the place to take the latest
    /// snapshot or drain buffered log lines once per frame instead of posting every update.
    /// </summary>
    public event EventHandler? BeforeFrame;

    /// <summary>Asks for a new frame; callable from any thread, any number of times.</summary>
    public void Invalidate()
    {
        if (Interlocked.Exchange(ref _invalidated, 1) == 0)
            _wake.Set();
    }

    /// <summary>Runs <paramref name="action"/> on the UI thread, in order with input and other posts.</summary>
    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(action);
    }

    /// <summary>Ends <see cref="Run"/> after the current work item; callable from any thread.</summary>
    public void RequestStop()
    {
        _stopRequested = true;
        _wake.Set();
    }

    /// <summary>Runs the loop on the calling thread until <see cref="RequestStop"/>.</summary>
    public void Run()
    {
        Start();
        try
        {
            while (!_stopRequested)
            {
                _wake.Wait();
                _wake.Reset();
                ProcessPending();
            }
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>Runs the loop on a dedicated thread; the task ends when it stops (<paramref name="cancellationToken"/> stops it too).</summary>
    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(RequestStop);
        var thread = new Thread(() =>
        {
            try
            {
                Run();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
            finally
            {
                registration.Dispose();
            }
        })
        {
            Name = "UI",
            IsBackground = true,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Attaches to the device, lays out and draws the first frame (what <see cref="Run"/> does first).</summary>
    public void Start()
    {
        if (_started)
            return;
        _started = true;
        _device.InputReceived += OnInput;
        _device.Resized += OnResized;
        ApplySize(_device.Size);
        if (Focused is null)
            FocusNext();
        RenderNow();
    }

    /// <summary>
    /// Runs what is queued (input, posts, timers) and draws a frame if one is due; never blocks.
    /// Work posted faster than it runs cannot starve the frames: after a frame interval of
    /// continuous work (10 ms at least) a due frame is drawn and the rest waits for the next call.
    /// </summary>
    public void ProcessPending()
    {
        while (!_stopRequested && _input.TryDequeue(out var input))
            input();
        var started = TimeProvider.GetTimestamp();
        var budget = _frameInterval > MinimumWorkBudget ? _frameInterval : MinimumWorkBudget;
        while (!_stopRequested && _input.IsEmpty && _work.TryDequeue(out var action))
        {
            action();
            if (Volatile.Read(ref _invalidated) == 1 && TimeProvider.GetElapsedTime(started) >= budget)
                break;
        }

        if (_stopRequested)
            return;
        RenderIfDue();
        if (!_work.IsEmpty || !_input.IsEmpty)
            _wake.Set();
    }

    /// <summary>Draws a frame now if anything was invalidated, whatever the frame cap says.</summary>
    public void RenderNow()
    {
        if (Interlocked.Exchange(ref _invalidated, 0) == 1 || !_anyFrame)
            RenderFrame();
    }

    /// <summary>Shows <paramref name="overlay"/> over everything, laid out over the whole screen; it takes the keys until closed.</summary>
    public void ShowOverlay(View overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        _overlays.Add(overlay);
        _focusBeforeOverlay.Add(Focused);
        overlay.Layout(new Rect(0, 0, Size.Width, Size.Height));
        SetFocus(Descendants(overlay).FirstOrDefault(v => v.CanFocus));
        Invalidate();
    }

    /// <summary>Removes <paramref name="overlay"/>; when it was the top one, the focus goes back to where it was before it opened.</summary>
    public void CloseOverlay(View overlay)
    {
        var index = _overlays.IndexOf(overlay);
        if (index < 0)
            return;
        var wasTop = index == _overlays.Count - 1;
        var previous = _focusBeforeOverlay[index];
        _overlays.RemoveAt(index);
        _focusBeforeOverlay.RemoveAt(index);
        if (wasTop)
            SetFocus(previous);
        else if (index < _focusBeforeOverlay.Count)
            _focusBeforeOverlay[index] = previous;
        Invalidate();
    }

    /// <summary>Gives the keyboard to <paramref name="view"/> (null: nobody).</summary>
    public void SetFocus(View? view)
    {
        if (ReferenceEquals(view, Focused))
            return;
        Focused?.SetFocus(false);
        Focused = view;
        view?.SetFocus(true);
        Invalidate();
    }

    /// <summary>Moves the focus to the next (or previous) visible view that can take it, in tree order.</summary>
    public void FocusNext(bool backwards = false)
    {
        var candidates = Descendants(_overlays.Count > 0 ? _overlays[^1] : Root).Where(v => v.CanFocus).ToList();
        if (candidates.Count == 0)
            return;
        var index = Focused is null ? -1 : candidates.IndexOf(Focused);
        var next = index < 0 ? (backwards ? candidates.Count - 1 : 0) : (index + (backwards ? -1 : 1) + candidates.Count) % candidates.Count;
        SetFocus(candidates[next]);
    }

    public void Dispose()
    {
        Stop();
        _frameTimer.Dispose();
        _escapeTimer.Dispose();
        _wake.Dispose();
    }

    private void Stop()
    {
        if (!_started)
            return;
        _started = false;
        _device.InputReceived -= OnInput;
        _device.Resized -= OnResized;
    }

    private void Enqueue(Action action)
    {
        _work.Enqueue(action);
        _wake.Set();
    }

    private void EnqueueInput(Action action)
    {
        _input.Enqueue(action);
        _wake.Set();
    }

    private void RenderIfDue()
    {
        if (Volatile.Read(ref _invalidated) == 0)
            return;
        var wait = _frameInterval - TimeProvider.GetElapsedTime(_lastFrameAt);
        if (wait <= TimeSpan.Zero || !_anyFrame)
        {
            RenderNow();
            return;
        }

        if (!_frameTimerArmed)
        {
            _frameTimerArmed = true;
            _frameTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void RenderFrame()
    {
        BeforeFrame?.Invoke(this, EventArgs.Empty);
        _frame.Clear(_options.Background);
        var screen = _frame.CreateSurface();
        if (IsTooSmall)
        {
            var notice = $"Terminal too small: {Size.Width}x{Size.Height}, needs {_options.MinimumSize.Width}x{_options.MinimumSize.Height}";
            screen.Write(0, 0, CellWidth.Truncate(notice, Size.Width), _options.Background);
        }
        else
        {
            if (Root.Visible)
                Root.Render(screen.Clip(Root.Frame));
            foreach (var overlay in _overlays)
            {
                if (overlay.Visible)
                    overlay.Render(screen.Clip(overlay.Frame));
            }
        }

        var bytes = _renderer.Render(_frame);
        if (!bytes.IsEmpty)
            _device.Write(bytes);
        _lastFrameAt = TimeProvider.GetTimestamp();
        _anyFrame = true;
        FramesRendered++;
    }

    private void OnResized(object? sender, TerminalSize size) => Enqueue(() => ApplySize(size));

    private void ApplySize(TerminalSize size)
    {
        Size = size;
        _frame = new CellBuffer(Math.Max(0, size.Width), Math.Max(0, size.Height));
        _renderer.RequestFullRedraw();
        var screen = new Rect(0, 0, size.Width, size.Height);
        Root.Layout(screen);
        foreach (var overlay in _overlays)
            overlay.Layout(screen);
        Invalidate();
    }

    private static IEnumerable<View> Descendants(View view)
    {
        if (!view.Visible)
            yield break;
        yield return view;
        foreach (var child in view.Children)
        {
            foreach (var descendant in Descendants(child))
                yield return descendant;
        }
    }
}
