using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui;

/// <summary>What each key does.</summary>
internal sealed partial class SupervisorScreen
{
    private bool LogShown => _log.Visible;

    private bool PaneFocused => _app?.Focused is { } focused && (focused == _log || focused == _events.FocusTarget);

    private void Execute(TuiCommand command)
    {
        switch (command)
        {
            case TuiCommand.Up or TuiCommand.Down or TuiCommand.PageUp or TuiCommand.PageDown or TuiCommand.Top or TuiCommand.Bottom:
                Move(command);
                break;
            case TuiCommand.SwitchFocus:
                _app?.SetFocus(PaneFocused ? _table : LogShown ? _log : _events.FocusTarget);
                break;
            case TuiCommand.ToggleFold:
                SetFolded(null);
                break;
            case TuiCommand.Fold when PaneFocused && LogShown:
                _log.Sideways(-8);
                break;
            case TuiCommand.Unfold when PaneFocused && LogShown:
                _log.Sideways(8);
                break;
            case TuiCommand.Fold or TuiCommand.Unfold:
                SetFolded(command == TuiCommand.Fold);
                break;
            case TuiCommand.Start:
                Act("start", confirm: false);
                break;
            case TuiCommand.Stop:
                Act("stop", confirm: true);
                break;
            case TuiCommand.Restart:
                Act("restart", confirm: true);
                break;
            case TuiCommand.Reload:
                Reload();
                break;
            case TuiCommand.Search:
                OpenPrompt(PromptKind.Search);
                break;
            case TuiCommand.SearchNext or TuiCommand.SearchPrevious:
                FindAgain(backwards: command == TuiCommand.SearchPrevious);
                break;
            case TuiCommand.Filter:
                OpenPrompt(PromptKind.Filter);
                break;
            case TuiCommand.Palette:
                OpenPrompt(PromptKind.Command);
                break;
            case TuiCommand.Events:
                ToggleEvents();
                break;
            case TuiCommand.Wrap when LogShown:
                _log.ToggleWrap();
                break;
            case TuiCommand.Wrap:
                _events.ToggleWrap();
                break;
            case TuiCommand.Follow when LogShown:
                if (_log.Following)
                    _log.Scroll(-1);
                else
                    _log.FollowEnd();
                break;
            case TuiCommand.Follow:
                _events.ToggleFollow();
                break;
            case TuiCommand.Stream:
                CycleStreams();
                break;
            case TuiCommand.Sort:
                ApplyListOptions(_list.NextSort());
                ShowMessage($"sorted by {_list.Sort.ToString().ToLowerInvariant()}{(_list.Descending ? ", descending" : "")}");
                break;
            case TuiCommand.SortReverse:
                ApplyListOptions(_list with { Descending = !_list.Descending });
                break;
            case TuiCommand.Help when _app is { } app:
                HelpOverlay.Show(app, _keys, "Keys  (Esc closes)", _theme);
                break;
            case TuiCommand.Cancel:
                ApplyListOptions(_list with { Filter = "" });
                _log.ClearSearch();
                _events.SearchText = "";
                ShowMessage("");
                break;
            case TuiCommand.Quit:
                Quit();
                break;
        }

        _app?.Invalidate();
    }

    /// <summary>Moves the selection when the table has the keys, scrolls the shown pane otherwise.</summary>
    private void Move(TuiCommand command)
    {
        if (!PaneFocused)
        {
            _table.SelectedIndex = command switch
            {
                TuiCommand.Up => _table.SelectedIndex - 1,
                TuiCommand.Down => _table.SelectedIndex + 1,
                TuiCommand.Top => 0,
                TuiCommand.Bottom => _rows.RowCount - 1,
                _ => _table.SelectedIndex,
            };
            _table.KeepSelectionVisible();
            return;
        }

        if (!LogShown)
        {
            _events.FocusTarget.OnKey(KeyEvent.Named(command switch
            {
                TuiCommand.Up => Key.Up,
                TuiCommand.Down => Key.Down,
                TuiCommand.PageUp => Key.PageUp,
                TuiCommand.PageDown => Key.PageDown,
                TuiCommand.Top => Key.Home,
                _ => Key.End,
            }));
            return;
        }

        switch (command)
        {
            case TuiCommand.Up:
                _log.Scroll(-1);
                break;
            case TuiCommand.Down:
                _log.Scroll(1);
                break;
            case TuiCommand.PageUp:
                _log.PageUp();
                break;
            case TuiCommand.PageDown:
                _log.PageDown();
                break;
            case TuiCommand.Top:
                _log.Home();
                break;
            default:
                _log.FollowEnd();
                break;
        }
    }

    private void ToggleEvents()
    {
        var focusPane = PaneFocused;
        _log.Visible = !_log.Visible;
        _events.Visible = !_log.Visible;
        if (focusPane)
            _app?.SetFocus(LogShown ? _log : _events.FocusTarget);
    }

    private void FindAgain(bool backwards)
    {
        var found = LogShown
            ? _log.SearchTerm.Length > 0 && _log.Search(_log.SearchTerm, backwards)
            : _events.SearchText.Length > 0 && (backwards ? _events.FindPrevious() : _events.FindNext());
        if (!found)
            ShowMessage(LogShown && _log.SearchTerm.Length == 0 || !LogShown && _events.SearchText.Length == 0 ? "no search: press / first" : "no more matches", error: true);
    }

    private void Quit()
    {
        if (_attached)
        {
            QuitRequested?.Invoke(this, EventArgs.Empty);
            return;
        }

        var running = Volatile.Read(ref _latest)?.Processes.Count(p => p.State.IsRunningLike() || p.State == ProcessState.Backoff) ?? 0;
        if (running == 0 || _app is null)
        {
            QuitRequested?.Invoke(this, EventArgs.Empty);
            return;
        }

        ConfirmDialog.Show(_app, "Quit", $"Stop {running} running process{(running == 1 ? "" : "es")} and quit?", yes =>
        {
            if (yes)
                QuitRequested?.Invoke(this, EventArgs.Empty);
        }, _theme);
    }
}
