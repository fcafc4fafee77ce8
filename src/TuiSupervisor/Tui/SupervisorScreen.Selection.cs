using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Tui;

/// <summary>The process table's rows and selection, and the log pane following the selected process.</summary>
internal sealed partial class SupervisorScreen
{
    /// <summary>How many lines of each stream the log pane starts with (as many as the engine still holds, up to this).</summary>
    private const int Backlog = LogBuffer.DefaultMaxLines;

    private ProcessListOptions _list = ProcessListOptions.Default;
    private LogStream _streams = LogStream.Both;

    private ProcessRow? SelectedRow => _table.SelectedIndex is >= 0 and var index && index < _rows.RowCount ? _rows.Rows[index] : null;

    /// <summary>Takes the newest snapshot and events (on the UI thread, once a frame).</summary>
    private void Refresh()
    {
        var events = new List<EngineEvent>();
        while (_newEvents.TryDequeue(out var engineEvent))
            events.Add(engineEvent);
        if (events.Count > 0)
            _events.Add(events);

        if (Volatile.Read(ref _latest) is not { } snapshot)
            return;
        _header.Snapshot = snapshot;
        var now = _time.GetUtcNow();
        if (snapshot.Version == _shownVersion)
        {
            _rows.Update(_rows.Rows, now);
            return;
        }

        _shownVersion = snapshot.Version;
        ApplyRows(snapshot, now);
    }

    /// <summary>Rebuilds the rows and keeps the same row selected (by name), wherever it moved.</summary>
    private void ApplyRows(EngineSnapshot snapshot, DateTimeOffset now)
    {
        var selectedKey = SelectedRow?.Key;
        var rowCount = _rows.RowCount;
        _rows.Update(ProcessList.Rows(snapshot.Processes, _list, now), now);
        if (_rows.RowCount != rowCount)
            Layout(Frame);
        var index = selectedKey is null ? -1 : IndexOf(selectedKey);
        _table.SelectedIndex = index >= 0 ? index : Math.Min(_table.SelectedIndex, _rows.RowCount - 1);
        OnSelectionChanged();
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _rows.Rows.Count; i++)
        {
            if (_rows.Rows[i].Key == key)
                return i;
        }

        return -1;
    }

    private void ApplyListOptions(ProcessListOptions options)
    {
        _list = options;
        if (Volatile.Read(ref _latest) is { } snapshot)
            ApplyRows(snapshot, _time.GetUtcNow());
        _app?.Invalidate();
    }

    /// <summary>The log pane follows the selected process (a group row shows nothing: its members have their own logs).</summary>
    private void OnSelectionChanged()
    {
        var row = SelectedRow;
        var process = row?.Process?.FullName;
        if (_log.Source is { } current && current.Process == process && current.Streams == _streams)
            return;
        if (_log.Source is { } old)
            _ = old.DisposeAsync().AsTask();
        _log.Placeholder = row is { IsGroup: true } ? $"{row.Group}: {row.Members.Count} processes; select one to see its log" : "no process selected";
        _log.Show(process is null ? null : LogFollower.Start(_supervisor, process, _streams, Backlog, () => _app?.Invalidate()));
        _app?.Invalidate();
    }

    private void CycleStreams()
    {
        _streams = _streams switch
        {
            LogStream.Both => LogStream.Stdout,
            LogStream.Stdout => LogStream.Stderr,
            _ => LogStream.Both,
        };
        OnSelectionChanged();
    }

    private void SetFolded(bool? folded)
    {
        if (SelectedRow is not { IsGroup: true, Group: { } group } row)
            return;
        ApplyListOptions(_list.WithFolded(group, folded ?? !row.Folded));
    }

    private void SortByColumn(int column)
    {
        SortKey? key = column switch
        {
            0 => SortKey.Name,
            1 => SortKey.State,
            3 => SortKey.Uptime,
            4 => SortKey.Restarts,
            5 => SortKey.Cpu,
            6 => SortKey.Memory,
            _ => null,
        };
        if (key is { } sort)
            ApplyListOptions(_list.Sort == sort ? _list with { Descending = !_list.Descending } : _list with { Sort = sort, Descending = sort is not (SortKey.Name or SortKey.State) });
    }
}
