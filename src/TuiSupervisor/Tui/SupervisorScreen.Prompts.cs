using TuiSupervisor.Core.Commands;
using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui;

/// <summary>The footer's prompt: a search (<c>/</c>), a filter applied as it is typed (<c>f</c>), or a shell line (<c>:</c>).</summary>
internal sealed partial class SupervisorScreen
{
    private PromptKind _promptKind;
    private string _filterBefore = "";
    private View? _focusBefore;

    private void OpenPrompt(PromptKind kind)
    {
        _promptKind = kind;
        _filterBefore = _list.Filter;
        _focusBefore = _app?.Focused;
        _prompt.Prompt = kind switch
        {
            PromptKind.Search => "/",
            PromptKind.Filter => "filter: ",
            _ => ":",
        };
        _prompt.Placeholder = kind switch
        {
            PromptKind.Search => LogShown ? "text to find in the log (Enter finds, n and N go on)" : "text to find in the events",
            PromptKind.Filter => "part of a name or a state (Esc puts back the filter before)",
            _ => "a shell command: restart web:*, signal HUP api, status (Tab completes)",
        };
        _prompt.UseHistory = kind == PromptKind.Command;
        _prompt.Completion = kind == PromptKind.Command ? before => CommandCompletion.Candidates(before, Volatile.Read(ref _latest)?.Processes ?? []) : null;
        _prompt.Text = kind == PromptKind.Filter ? _list.Filter : "";
        _prompt.Visible = true;
        _app?.SetFocus(_prompt);
    }

    private void ClosePrompt(bool cancelled)
    {
        if (cancelled && _promptKind == PromptKind.Filter)
            ApplyListOptions(_list with { Filter = _filterBefore });
        _prompt.Visible = false;
        _app?.SetFocus(_focusBefore is { Visible: true } before && before != _prompt ? before : _table);
        _app?.Invalidate();
    }

    private void OnPromptChanged(string text)
    {
        if (_promptKind == PromptKind.Filter)
            ApplyListOptions(_list with { Filter = text.Trim() });
    }

    private void OnPromptSubmitted(string text)
    {
        var kind = _promptKind;
        ClosePrompt(cancelled: false);
        switch (kind)
        {
            case PromptKind.Search when LogShown:
                if (!_log.Search(text, backwards: false))
                    ShowMessage(text.Length == 0 ? "" : $"not found: {text}", error: text.Length > 0);
                break;
            case PromptKind.Search:
                _events.SearchText = text;
                if (text.Length > 0 && !_events.FindPrevious())
                    ShowMessage($"not found: {text}", error: true);
                break;
            case PromptKind.Filter:
                ShowMessage(text.Length == 0 ? "" : $"showing processes matching '{text.Trim()}' (Esc clears)");
                break;
            default:
                RunCommandLine(text.Trim());
                break;
        }
    }

    /// <summary>A palette line: the shell's commands, except that follows belong to the panes and quitting to the TUI.</summary>
    private void RunCommandLine(string line)
    {
        var verb = line.Split(' ', 2)[0];
        if (line.Length == 0)
            return;
        if (verb is "quit" or "exit")
        {
            Quit();
            return;
        }

        if (verb == "shutdown" && _attached)
        {
            ShowMessage("shutting down the engine …");
            _ = Task.Run(async () =>
            {
                await _supervisor.ShutdownAsync().ConfigureAwait(false);
                _app?.Post(() => QuitRequested?.Invoke(this, EventArgs.Empty));
            });
            return;
        }

        if (verb == "shutdown")
        {
            QuitRequested?.Invoke(this, EventArgs.Empty);
            return;
        }

        if (CommandInterpreter.IsFollow(line))
        {
            ShowMessage(verb == "tail" ? "the log pane follows the selected process (t picks the stream)" : "e shows the events as they come", error: true);
            return;
        }

        Run(line);
    }
}
