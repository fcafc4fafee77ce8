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

    private static readonly TableColumn[] AllColumns =
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

    public IReadOnlyList<ProcessRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<TableColumn> Columns => AllColumns;

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
