namespace TuiSupervisor.Tui;

/// <summary>What a key asks the TUI to do; <see cref="TuiKeys"/> binds keys to these.</summary>
internal enum TuiCommand
{
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    SwitchFocus,
    ToggleFold,
    Fold,
    Unfold,
    Start,
    Stop,
    Restart,
    Reload,
    Search,
    SearchNext,
    SearchPrevious,
    Filter,
    Events,
    Wrap,
    Follow,
    Stream,
    Sort,
    SortReverse,
    Palette,
    Help,
    Cancel,
    Quit,
}
