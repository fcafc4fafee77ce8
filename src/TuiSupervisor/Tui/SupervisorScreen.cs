using System.Collections.Concurrent;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tui;

/// <summary>
/// The whole screen (spec section 7): the header, the process table, the selected process's log
/// (or the engine's events), and a footer with the keys that apply now or a prompt. Snapshots
/// and events arrive on the engine's thread and are only stored there; the UI thread takes the
/// newest at each frame, so a burst of changes costs one redraw.
/// </summary>
internal sealed partial class SupervisorScreen : View, IDisposable
{
    private readonly ISupervisor _supervisor;
    private readonly CommandInterpreter _interpreter;
    private readonly TimeProvider _time;
    private readonly Theme _theme;
    private readonly bool _attached;
    private readonly KeyMap<TuiCommand> _keys = TuiKeys.Create();
    private readonly HeaderBar _header;
    private readonly ProcessTableSource _rows;
    private readonly TableView _table;
    private readonly LogPane _log;
    private readonly EventsPane _events;
    private readonly StatusBar _footer;
    private readonly TextInput _prompt;
    private readonly ConcurrentQueue<EngineEvent> _newEvents = new();
    private readonly IDisposable _subscription;
    private readonly IDisposable _usage;
    private readonly ITimer _clock;
    private Application? _app;
    private EngineSnapshot? _latest;
    private long _shownVersion = -1;

    public SupervisorScreen(ISupervisor supervisor, TimeProvider time, Theme theme, bool attached)
    {
        _supervisor = supervisor;
        _interpreter = new CommandInterpreter(supervisor, time);
        _time = time;
        _theme = theme;
        _attached = attached;
        _header = new HeaderBar(theme, time, attached ? supervisor.EnginePid.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        _rows = new ProcessTableSource(theme, time.LocalTimeZone);
        _table = new TableView(_rows, theme);
        _table.SelectionChanged += (_, _) => OnSelectionChanged();
        _table.HeaderClicked += (_, column) => SortByColumn(column);
        _log = new LogPane(theme);
        _events = new EventsPane(theme, time.LocalTimeZone) { Visible = false };
        _footer = new StatusBar(theme);
        _prompt = new TextInput(theme) { Visible = false };
        _prompt.Submitted += (_, text) => OnPromptSubmitted(text);
        _prompt.Cancelled += (_, _) => ClosePrompt(cancelled: true);
        _prompt.TextChanged += (_, text) => OnPromptChanged(text);
        // Subscribed before the history is read: an event in between comes twice, and the
        // events pane keeps one of each (by sequence), where the other order could lose it.
        _subscription = supervisor.Subscribe(OnSnapshot, _newEvents.Enqueue);
        _events.Add(supervisor.RecentEvents(2000));

        // The table shows CPU and memory: the engine samples /proc only while somebody watches.
        _usage = supervisor.WatchUsage();

        // Uptimes and retry countdowns move on their own: one redraw a second keeps them true.
        _clock = time.CreateTimer(_ => _app?.Invalidate(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Shows a message in the footer; callable from any thread.</summary>
    public void Announce(string text) => _app?.Post(() => ShowMessage(text));

    public override IEnumerable<View> Children => [_header, _table, _log, _events, _footer, _prompt];

    /// <summary>The operator asked to quit: the runner ends the application (after a shutdown, for an own engine).</summary>
    public event EventHandler? QuitRequested;

    /// <summary>Binds the screen to its application (which is built around it), and gives the table the keyboard.</summary>
    public void Attach(Application app)
    {
        _app = app;
        app.BeforeFrame += (_, _) =>
        {
            Refresh();
            ExpireMessage();
        };
        app.SetFocus(_table);
    }

    public override void Layout(Rect frame)
    {
        base.Layout(frame);
        var width = frame.Width;
        var middle = Math.Max(0, frame.Height - 2);
        var tableHeight = Math.Clamp(_rows.RowCount + 1, Math.Min(3, middle), Math.Max(Math.Min(3, middle), middle * 45 / 100));
        _header.Layout(new Rect(frame.X, frame.Y, width, 1));
        _table.Layout(new Rect(frame.X, frame.Y + 1, width, tableHeight));
        _rows.Width = width;
        var pane = new Rect(frame.X, frame.Y + 1 + tableHeight, width, middle - tableHeight);
        _log.Layout(pane);
        _events.Layout(pane);
        var bottom = new Rect(frame.X, frame.Y + frame.Height - 1, width, 1);
        _footer.Layout(bottom);
        _prompt.Layout(bottom);
    }

    public override void Render(Surface surface)
    {
        _footer.Hints = Hints();
        RenderChild(surface, _header);
        RenderChild(surface, _table);
        RenderChild(surface, _log);
        RenderChild(surface, _events);
        RenderChild(surface, _prompt.Visible ? _prompt : _footer);
    }

    public override bool OnKey(KeyEvent key)
    {
        if (!_keys.TryGetCommand(key, out var command))
            return false;
        Execute(command);
        return true;
    }

    public void Dispose()
    {
        _clock.Dispose();
        _usage.Dispose();
        _subscription.Dispose();
        _ = _log.Source?.DisposeAsync().AsTask();
    }

    private void OnSnapshot(EngineSnapshot snapshot)
    {
        Volatile.Write(ref _latest, snapshot);
        _app?.Invalidate();
    }

    /// <summary>
    /// The footer's hints: what the focused part of the screen does, few enough for 80 columns
    /// (the rest is in help); while a message shows, only help and quit, so the message has room.
    /// </summary>
    private IReadOnlyList<KeyHint> Hints()
    {
        var logFocused = _app?.Focused is { } focused && (focused == _log || focused == _events.FocusTarget);
        TuiCommand[] shown = _footer.Message.Length > 0 ? [TuiCommand.Help, TuiCommand.Quit]
            : logFocused
            ? [TuiCommand.Follow, TuiCommand.Wrap, TuiCommand.Stream, TuiCommand.Search, TuiCommand.SearchNext, TuiCommand.Events, TuiCommand.Help, TuiCommand.Quit]
            : [TuiCommand.Start, TuiCommand.Stop, TuiCommand.Restart, TuiCommand.Reload, TuiCommand.Filter, TuiCommand.Search, TuiCommand.Help, TuiCommand.Quit];
        return [.. shown.Select(c => _keys.Find(c)).OfType<KeyBinding<TuiCommand>>().Select(b => new KeyHint(b.PrimaryKey.ToString(), b.Hint ?? b.Description))];
    }
}
