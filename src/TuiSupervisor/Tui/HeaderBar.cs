using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tui;

/// <summary>
/// The top line: which config, how long the engine has run, and how many processes are in
/// each state (the states that need attention first), plus where the engine is when attached.
/// </summary>
internal sealed class HeaderBar(Theme theme, TimeProvider time, string? attachedTo) : View
{
    public EngineSnapshot? Snapshot { get; set; }

    public override void Render(Surface surface)
    {
        var bar = theme[TuiRoles.Bar];
        surface.Fill(surface.Bounds, bar);
        if (Snapshot is not { } snapshot)
            return;
        var x = surface.Write(0, 0, " tuisupervisor ", theme[TuiRoles.BarAccent]);
        x += surface.Write(x, 0, " " + Path.GetFileName(snapshot.ConfigSource) + " ", bar);
        x += surface.Write(x, 0, " up " + ProcessCells.Duration(time.GetUtcNow() - snapshot.EngineStartedAt) + " ", bar);
        foreach (var (state, count) in Counts(snapshot.Processes))
        {
            x += surface.Write(x, 0, " ", bar);
            // States that need the operator stand out; a state's own colour could vanish into the bar's.
            x += surface.Write(x, 0, $" {count} {state.Text().ToLowerInvariant()} ", StateUrgency.Of(state) <= StateUrgency.Of(ProcessState.Backoff) ? theme[TuiRoles.BarAlert] : bar);
        }

        if (attachedTo is not null)
        {
            var where = $" attached to pid {attachedTo} ";
            var width = CellWidth.Of(where);
            if (x + width < surface.Width)
                surface.Write(surface.Width - width, 0, where, bar);
        }
    }

    /// <summary>The states present, most urgent first.</summary>
    internal static IEnumerable<(ProcessState State, int Count)> Counts(IEnumerable<ProcessSnapshot> processes) =>
        processes.GroupBy(p => p.State).OrderBy(g => StateUrgency.Of(g.Key)).Select(g => (g.Key, g.Count()));
}
