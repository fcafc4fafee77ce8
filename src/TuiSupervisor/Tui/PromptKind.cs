namespace TuiSupervisor.Tui;

/// <summary>What the footer's prompt is reading.</summary>
internal enum PromptKind
{
    Search,
    Filter,
    Command,
}
