namespace TuiSupervisor.Terminal.Tests.App;

public class ApplicationTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly VirtualTerminal _terminal = new(40, 10);

    private Application Create(View root, int fps = 20, TerminalSize? minimum = null) =>
        new(_terminal, root, new ApplicationOptions { TimeProvider = _time, MaxFramesPerSecond = fps, MinimumSize = minimum ?? new TerminalSize(10, 3) });

    [Fact]
    public void Start_lays_out_and_draws_the_root()
    {
        var top = new LabelView("top");
        var bottom = new LabelView("bottom", canFocus: true);
        using var app = Create(new SplitView(top, bottom));
        app.Start();

        Assert.Equal("top\n*bottom", _terminal.ScreenText());
        Assert.Same(bottom, app.Focused);
        Assert.Equal(new Rect(0, 1, 40, 9), bottom.Frame);
    }

    [Fact]
    public void Keys_go_to_the_focused_view_then_bubble_to_its_parents()
    {
        var bottom = new LabelView("bottom", canFocus: true);
        var root = new SplitView(new LabelView("top"), bottom);
        using var app = Create(root);
        app.Start();

        _terminal.Feed("j");
        app.ProcessPending();
        Assert.Equal([KeyEvent.Of('j')], bottom.Received);
        Assert.Empty(root.Keys);

        bottom.Handles = false;
        _terminal.Feed("\e[A");
        app.ProcessPending();
        Assert.Equal([KeyEvent.Named(Key.Up)], root.Keys);
    }

    [Fact]
    public void Invalidations_are_coalesced_and_capped()
    {
        var label = new LabelView("0");
        using var app = Create(label, fps: 20);
        app.Start();
        var framesAtStart = app.FramesRendered;

        for (var i = 1; i <= 1000; i++)
        {
            label.Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            app.Invalidate();
            app.ProcessPending();
        }

        Assert.Equal(framesAtStart, app.FramesRendered);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        app.ProcessPending();
        Assert.Equal(framesAtStart + 1, app.FramesRendered);
        Assert.Equal("1000", _terminal.ScreenText());
    }

    [Fact]
    public void Invalidate_and_Post_work_from_other_threads()
    {
        var label = new LabelView("before");
        using var app = Create(label, fps: 0);
        app.Start();
        var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
        {
            for (var n = 0; n < 100; n++)
            {
                app.Post(() => label.Text = "after");
                app.Invalidate();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        app.ProcessPending();
        Assert.Equal("after", _terminal.ScreenText());
    }

    [Fact]
    public void A_lone_escape_reaches_the_view_after_the_timeout()
    {
        var label = new LabelView("x", canFocus: true);
        using var app = Create(label);
        app.Start();

        _terminal.Feed("\e");
        app.ProcessPending();
        Assert.Empty(label.Received);

        _time.Advance(TimeSpan.FromMilliseconds(50));
        app.ProcessPending();
        Assert.Equal([KeyEvent.Named(Key.Escape)], label.Received);
    }

    [Fact]
    public void Resize_lays_out_again_and_redraws_everything()
    {
        var bottom = new LabelView("bottom");
        using var app = Create(new SplitView(new LabelView("top"), bottom), fps: 0);
        app.Start();

        _terminal.Resize(20, 4);
        app.ProcessPending();

        Assert.Equal(new Rect(0, 1, 20, 3), bottom.Frame);
        Assert.Equal("top\nbottom", _terminal.ScreenText());
        Assert.Equal(new TerminalSize(20, 4), app.Size);
    }

    [Fact]
    public void Below_the_minimum_size_a_notice_replaces_the_views()
    {
        using var app = Create(new LabelView("content"), fps: 0, minimum: new TerminalSize(80, 24));
        app.Start();

        Assert.True(app.IsTooSmall);
        Assert.Equal("Terminal too small: 40x10, needs 80x24", _terminal.ScreenText());
    }

    [Fact]
    public void Mouse_events_reach_the_view_under_them_in_local_coordinates_and_focus_it()
    {
        var top = new LabelView("top", canFocus: true);
        var bottom = new LabelView("bottom", canFocus: true);
        using var app = Create(new SplitView(top, bottom));
        app.Start();
        Assert.Same(top, app.Focused);

        _terminal.Feed("\e[<0;6;4M");
        app.ProcessPending();

        Assert.Equal([new MouseEvent(MouseAction.Press, MouseButton.Left, 5, 2)], bottom.Received);
        Assert.Same(bottom, app.Focused);
    }

    [Fact]
    public void An_overlay_takes_the_keys_until_it_is_closed_and_the_focus_returns()
    {
        var main = new LabelView("main", canFocus: true);
        var dialog = new LabelView("dialog", canFocus: true);
        using var app = Create(main, fps: 0);
        app.Start();

        app.ShowOverlay(dialog);
        _terminal.Feed("y");
        app.ProcessPending();
        Assert.Equal([KeyEvent.Of('y')], dialog.Received);
        Assert.Empty(main.Received);
        Assert.Equal("*dialog", _terminal.ScreenText());

        app.CloseOverlay(dialog);
        app.ProcessPending();
        Assert.Same(main, app.Focused);
        Assert.Equal("*main", _terminal.ScreenText());
    }

    [Fact]
    public void Unhandled_ctrl_z_suspends_and_the_screen_is_redrawn()
    {
        var label = new LabelView("x") { Handles = false };
        using var app = Create(label, fps: 0);
        app.Start();
        _terminal.Write("\e[2J"u8);

        _terminal.Feed("\x1a");
        app.ProcessPending();

        Assert.Equal(1, _terminal.SuspendCount);
        Assert.Equal("x", _terminal.ScreenText());
    }

    [Fact]
    public async Task RunAsync_runs_posted_work_on_one_thread_and_stops()
    {
        var label = new LabelView("x");
        using var app = Create(label, fps: 0);
        var run = app.RunAsync();
        var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
        for (var i = 0; i < 20; i++)
            app.Post(() => threads.Add(Environment.CurrentManagedThreadId));
        var posted = new TaskCompletionSource();
        app.Post(() => posted.SetResult());
        await posted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        app.RequestStop();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads.First());
    }

    [Fact]
    public async Task Keys_stay_responsive_while_output_floods_in_from_another_thread()
    {
        var terminal = new VirtualTerminal(40, 10);
        var log = new LogView(capacity: 1000);
        var keys = new LabelView("keys", canFocus: true);
        var root = new SplitView(keys, log);
        using var app = new Application(terminal, root, new ApplicationOptions { MaxFramesPerSecond = 20, MinimumSize = new TerminalSize(1, 1) });
        var arrived = new System.Collections.Concurrent.ConcurrentQueue<StyledLine>();
        var shown = 0L;
        app.BeforeFrame += (_, _) =>
        {
            while (arrived.TryDequeue(out var line))
            {
                log.Append(line);
                Interlocked.Increment(ref shown);
            }
        };
        var run = app.RunAsync();
        using var stop = new CancellationTokenSource();
        var written = 0L;
        var flood = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 1000; i++)
                    arrived.Enqueue(StyledLine.Plain("output line " + written++));
                app.Invalidate();
                Thread.Sleep(1);
            }
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(200);

        for (var i = 0; i < 10; i++)
            terminal.Feed("k");
        while (keys.Received.Count < 10 && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(10);
        await Task.Delay(500);
        await stop.CancelAsync();
        await flood;
        var frames = app.FramesRendered;
        var elapsed = clock.Elapsed;

        // One more frame takes what the flood left; then nothing may be missing.
        app.Invalidate();
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(10);
        while (Interlocked.Read(ref shown) < written && clock.Elapsed < deadline)
            await Task.Delay(10);
        app.RequestStop();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        // Liveness, not speed (the benchmark measures that): every key arrived while the flood ran,
        // frames stayed under the cap, and every line reached the log.
        Assert.Equal(10, keys.Received.Count);
        Assert.InRange(frames, 2, (int)(elapsed.TotalSeconds * 20) + 2);
        Assert.Equal(written, Interlocked.Read(ref shown));
    }
}
