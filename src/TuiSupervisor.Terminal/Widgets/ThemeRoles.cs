namespace TuiSupervisor.Terminal;

/// <summary>The role names the generic widgets draw with; an application adds its own (one per process state, say).</summary>
public static class ThemeRoles
{
    public const string Normal = "normal";
    public const string Header = "header";
    public const string Selected = "selected";

    /// <summary>The selection of a view that does not have the focus.</summary>
    public const string SelectedUnfocused = "selected.unfocused";
    public const string Border = "border";
    public const string BorderFocused = "border.focused";
    public const string Title = "title";
    public const string StatusBar = "status";
    public const string HintKey = "status.key";
    public const string HintLabel = "status.label";

    /// <summary>The keys column of the help overlay.</summary>
    public const string HelpKey = "help.key";
    public const string Dialog = "dialog";
    public const string DialogBorder = "dialog.border";
    public const string SearchMatch = "search.match";
    public const string SearchCurrent = "search.current";
    public const string Input = "input";
    public const string Muted = "muted";
    public const string Error = "error";
    public const string Warning = "warning";
}
