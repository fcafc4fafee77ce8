using System.Globalization;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tui;

/// <summary>
/// The engine's event history under a title row, newest at the bottom: state changes, health
/// and limit verdicts, reloads, operator actions. Scrolls and searches like the log pane.
/// </summary>
internal sealed class EventsPane : View
{
    private readonly Theme _theme;
    private readonly TimeZoneInfo _zone;
    private readonly LogView _list;
    private long _lastSequence = -1;

    public EventsPane(Theme theme, TimeZoneInfo zone)
    {
        _theme = theme;
        _zone = zone;
        _list = new LogView(capacity: 2000, theme) { Wrap = true };
    }

    public override IEnumerable<View> Children => [_list];

    public override bool CanFocus => false;

    /// <summary>The list takes the keys when the pane has the focus.</summary>
    public View FocusTarget => _list;

    public bool Following => _list.Follow;

    public string SearchText
    {
        get => _list.SearchText;
        set => _list.SearchText = value;
    }

    /// <summary>Adds the events not shown yet (callers pass the engine's recent history; sequences say what is new).</summary>
    public void Add(IEnumerable<EngineEvent> events)
    {
        foreach (var engineEvent in events.Where(e => e.Sequence > _lastSequence))
        {
            _list.Append(Format(engineEvent));
            _lastSequence = engineEvent.Sequence;
        }
    }

    public void ToggleFollow() => _list.Follow = !_list.Follow;

    public void ToggleWrap() => _list.Wrap = !_list.Wrap;

    public bool FindNext() => _list.FindNext();

    public bool FindPrevious() => _list.FindPrevious();

    public override void Layout(Rect frame)
    {
        base.Layout(frame);
        _list.Layout(new Rect(frame.X, frame.Y + 1, frame.Width, Math.Max(0, frame.Height - 1)));
    }

    public override void Render(Surface surface)
    {
        var focused = _list.HasFocus;
        surface.Fill(new Rect(0, 0, surface.Width, 1), new System.Text.Rune('─'), _theme[focused ? ThemeRoles.BorderFocused : ThemeRoles.Border]);
        var title = $" events · {(_list.Follow ? "following" : "paused")}{(_list.SearchText.Length > 0 ? $" · /{_list.SearchText}" : "")} ";
        surface.Write(1, 0, CellWidth.Truncate(title, Math.Max(0, surface.Width - 2)), _theme[focused ? TuiRoles.TitleFocused : ThemeRoles.Title]);
        RenderChild(surface, _list);
    }

    private StyledLine Format(EngineEvent engineEvent)
    {
        var time = TimeZoneInfo.ConvertTime(engineEvent.Time, _zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var level = engineEvent.Level switch
        {
            EventLevel.Error => _theme[ThemeRoles.Error],
            EventLevel.Warn => _theme[ThemeRoles.Warning],
            _ => _theme[ThemeRoles.Normal],
        };
        return new StyledLine(
        [
            new StyledSpan(time + " ", _theme[TuiRoles.EventTime]),
            new StyledSpan(engineEvent.Process is { } process && !engineEvent.Message.Contains(process, StringComparison.Ordinal) ? process + ": " : "", _theme[ThemeRoles.Title]),
            new StyledSpan(engineEvent.Message, level),
        ]);
    }
}
