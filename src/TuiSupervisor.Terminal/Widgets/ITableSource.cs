namespace TuiSupervisor.Terminal;

/// <summary>
/// What a <see cref="TableView"/> shows, kept apart from how it is shown: the table asks only for
/// the rows on screen, so the source may hold thousands.
/// </summary>
public interface ITableSource
{
    IReadOnlyList<TableColumn> Columns { get; }

    int RowCount { get; }

    string CellText(int row, int column);

    /// <summary>The cell's own style (a state's colour); null draws it in the table's normal style.</summary>
    Style? CellStyle(int row, int column);
}
