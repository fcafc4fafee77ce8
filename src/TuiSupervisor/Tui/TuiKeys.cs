using TuiSupervisor.Terminal;

namespace TuiSupervisor.Tui;

/// <summary>
/// Every key of the TUI, as one table: it binds the keys, writes the help overlay and the
/// footer's hints. Letters first (htop's and k9s's habits); F-keys only as aliases, since tmux,
/// SSH clients and macOS terminals swallow some of them.
/// </summary>
internal static class TuiKeys
{
    public static KeyMap<TuiCommand> Create() => new KeyMap<TuiCommand>()
        .Add(TuiCommand.Up, ["k", "Up"], "select the previous process, or scroll the log up", "Move")
        .Add(TuiCommand.Down, ["j", "Down"], "select the next process, or scroll the log down", "Move")
        .Add(TuiCommand.PageUp, ["PgUp", "Ctrl-B"], "a page up", "Move")
        .Add(TuiCommand.PageDown, ["PgDn", "Ctrl-F"], "a page down", "Move")
        .Add(TuiCommand.Top, ["g", "Home"], "the first process, or the oldest log line", "Move")
        .Add(TuiCommand.Bottom, ["G", "End"], "the last process, or the end of the log (following it)", "Move")
        .Add(TuiCommand.SwitchFocus, ["Tab", "Enter", "Shift-Tab"], "switch between the process table and the log", "Move", hint: "focus")
        .Add(TuiCommand.ToggleFold, ["Space"], "fold or unfold the selected group", "Move")
        .Add(TuiCommand.Fold, ["Left", "h"], "fold the group (log: scroll left without wrap)", "Move")
        .Add(TuiCommand.Unfold, ["Right", "l"], "unfold the group (log: scroll right without wrap)", "Move")
        .Add(TuiCommand.Start, ["s"], "start the selected process or group", "Processes", hint: "start")
        .Add(TuiCommand.Stop, ["x"], "stop the selected process or group (asks for a group)", "Processes", hint: "stop")
        .Add(TuiCommand.Restart, ["r"], "restart the selected process or group (asks for a group)", "Processes", hint: "restart")
        .Add(TuiCommand.Reload, ["R", "Ctrl-R", "F5"], "reload the config: shows what changes, then asks", "Processes", hint: "reload")
        .Add(TuiCommand.Search, ["/"], "search the log (marks every match)", "Log", hint: "search")
        .Add(TuiCommand.SearchNext, ["n"], "the next match, towards the end", "Log", hint: "next")
        .Add(TuiCommand.SearchPrevious, ["N"], "the previous match, towards the start", "Log")
        .Add(TuiCommand.Follow, ["F"], "follow the end of the log, or pause it", "Log", hint: "follow")
        .Add(TuiCommand.Wrap, ["w"], "wrap long lines, or scroll them sideways", "Log", hint: "wrap")
        .Add(TuiCommand.Stream, ["t"], "show stdout, stderr or both", "Log", hint: "stream")
        .Add(TuiCommand.Filter, ["f"], "show only processes whose name or state contains a text", "View", hint: "filter")
        .Add(TuiCommand.Sort, ["o"], "order by name, state, CPU, memory, restarts or uptime", "View")
        .Add(TuiCommand.SortReverse, ["O"], "reverse the order", "View")
        .Add(TuiCommand.Events, ["e"], "show the engine's events instead of the log, and back", "View", hint: "events")
        .Add(TuiCommand.Palette, [":"], "type a command as in the shell (restart web:*, signal HUP api)", "View")
        .Add(TuiCommand.Help, ["?", "F1"], "this help", "Other", hint: "help")
        .Add(TuiCommand.Cancel, ["Esc"], "close a prompt or dialog; clear the filter and search", "Other")
        .Add(TuiCommand.Quit, ["q", "F10", "Ctrl-C"], "quit (asks before stopping running processes; attached: leaves the engine running)", "Other", hint: "quit");
}
