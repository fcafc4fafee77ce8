using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Health;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tui;

/// <summary>
/// The process table's columns and cells over the current rows. Figures are right-aligned; the
/// state is coloured by state and health by its verdict; the description takes what width is left.
/// </summary>
internal sealed class ProcessTableSource(Theme theme, TimeZoneInfo zone) : ITableSource
{
    private const int NameColumn = 0;
    private const int StateColumn = 1;
    private const int HealthColumn = 7;

    /// <summary>From 100 columns: every header in full.</summary>
    private static readonly TableColumn[] WideColumns =
    [
        new("NAME", 16, MinWidth: 10, Flex: 1),
        new("STATE", 10, MinWidth: 9),
        new("PID", 7, MinWidth: 5, Alignment: TextAlignment.Right),
        new("UPTIME", 10, MinWidth: 7, Alignment: TextAlignment.Right),
        new("RESTARTS", 8, MinWidth: 3, Alignment: TextAlignment.Right),
        new("CPU%", 6, MinWidth: 4, Alignment: TextAlignment.Right),
        new("MEM", 6, MinWidth: 4, Alignment: TextAlignment.Right),
        new("HEALTH", 8, MinWidth: 6),
        new("DESCRIPTION", 12, MinWidth: 0, Flex: 3),
    ];

    /// <summary>Below 100 columns: short headers and figures, so the description (why it failed) keeps room.</summary>
    private static readonly TableColumn[] NarrowColumns =
    [
        new("NAME", 12, MinWidth: 8, Flex: 1),
        new("STATE", 9, MinWidth: 9),
        new("PID", 7, MinWidth: 5, Alignment: TextAlignment.Right),
        new("UPTIME", 8, MinWidth: 7, Alignment: TextAlignment.Right),
        new("RST", 3, MinWidth: 3, Alignment: TextAlignment.Right),
        new("CPU%", 5, MinWidth: 4, Alignment: TextAlignment.Right),
        new("MEM", 6, MinWidth: 4, Alignment: TextAlignment.Right),
        new("HEALTH", 6, MinWidth: 6),
        new("DESCRIPTION", 12, MinWidth: 0, Flex: 3),
    ];

    public IReadOnlyList<ProcessRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The width the table is drawn at; it picks the headers.</summary>
    public int Width { get; set; } = 120;

    public IReadOnlyList<TableColumn> Columns => Width < 100 ? NarrowColumns : WideColumns;

    public int RowCount => Rows.Count;

    public void Update(IReadOnlyList<ProcessRow> rows, DateTimeOffset now)
    {
        Rows = rows;
        Now = now;
    }

    public string CellText(int row, int column)
    {
        var line = Rows[row];
        if (line.Process is not { } process)
        {
            return column switch
            {
                NameColumn => ProcessCells.Name(line),
                StateColumn => ProcessCells.State(line),
                4 => ProcessCells.Restarts(line.Members),
                5 => ProcessCells.Cpu(line.Members),
                6 => ProcessCells.Memory(line.Members),
                _ => "",
            };
        }

        return column switch
        {
            NameColumn => ProcessCells.Name(line),
            StateColumn => process.State.Text(),
            2 => ProcessCells.Pid(process),
            3 => ProcessCells.Uptime(process, Now),
            4 => ProcessCells.Restarts([process]),
            5 => ProcessCells.Cpu([process]),
            6 => ProcessCells.Memory([process]),
            HealthColumn => ProcessCells.Health(process),
            _ => ProcessCells.Description(process, Now, zone),
        };
    }

    public Style? CellStyle(int row, int column)
    {
        var line = Rows[row];
        return column switch
        {
            StateColumn => theme[TuiRoles.For(line.Process?.State ?? line.Members.MinBy(m => StateUrgency.Of(m.State))!.State)],
            HealthColumn when line.Process?.Health?.Status == HealthStatus.Unhealthy => theme[TuiRoles.HealthFailing],
            HealthColumn when line.Process?.Health?.Status == HealthStatus.Healthy => theme[TuiRoles.HealthOk],
            NameColumn when line.IsGroup => theme[ThemeRoles.Title],
            _ => null,
        };
    }
}
