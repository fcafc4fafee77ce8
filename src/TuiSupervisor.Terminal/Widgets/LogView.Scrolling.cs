namespace TuiSupervisor.Terminal;

/// <summary>Scrolling by rows (wrapped lines count as several) and finding matches.</summary>
public sealed partial class LogView
{
    /// <summary>The index (0 = oldest held) of the first line on screen.</summary>
    public int TopIndex => (int)Math.Clamp(_topLine - _dropped, 0, Math.Max(0, _count - 1));

    /// <summary>Moves the view up by <paramref name="rows"/> screen rows (pauses following).</summary>
    public void ScrollUp(int rows)
    {
        if (_follow)
            AnchorAtBottom(Frame.Width, Frame.Height);
        _follow = false;
        ClampTop();
        var index = TopIndex;
        for (var left = rows; left > 0; left--)
        {
            if (_topRow > 0)
            {
                _topRow--;
            }
            else if (index > 0)
            {
                index--;
                _topRow = RowCount(this[index], Frame.Width) - 1;
            }
        }

        _topLine = _dropped + index;
    }

    /// <summary>Moves the view down by <paramref name="rows"/> rows; reaching the bottom follows again.</summary>
    public void ScrollDown(int rows)
    {
        if (_follow)
            return;
        ClampTop();
        var index = TopIndex;
        for (var left = rows; left > 0 && index < _count; left--)
        {
            if (_topRow + 1 < RowCount(this[index], Frame.Width))
            {
                _topRow++;
            }
            else if (index + 1 < _count)
            {
                index++;
                _topRow = 0;
            }
        }

        _topLine = _dropped + index;
        if (RowsFrom(index, _topRow, Frame.Height + 1) <= Frame.Height)
            _follow = true;
    }

    public void ScrollToTop()
    {
        _follow = false;
        _topLine = _dropped;
        _topRow = 0;
        if (RowsFrom(0, 0, Frame.Height + 1) <= Frame.Height)
            _follow = true;
    }

    /// <summary>Jumps to the next line after the current match (or after the top of the view) that contains <see cref="SearchText"/>.</summary>
    public bool FindNext()
    {
        var from = CurrentMatch >= 0 ? CurrentMatch + 1 : TopIndex;
        for (var i = from; i < _count; i++)
        {
            if (Highlighter.Contains(this[i], _search))
                return JumpTo(i);
        }

        return false;
    }

    /// <summary>Jumps to the nearest line before the current match (or before the bottom of the view) that contains <see cref="SearchText"/>.</summary>
    public bool FindPrevious()
    {
        var from = CurrentMatch >= 0 ? CurrentMatch - 1 : _count - 1;
        for (var i = Math.Min(from, _count - 1); i >= 0; i--)
        {
            if (Highlighter.Contains(this[i], _search))
                return JumpTo(i);
        }

        return false;
    }

    /// <summary>Shows line <paramref name="index"/> a third of the way down the view, paused.</summary>
    private bool JumpTo(int index)
    {
        CurrentMatch = index;
        _follow = false;
        _topLine = _dropped + index;
        _topRow = 0;
        ScrollUp(Frame.Height / 3);
        _follow = false;
        if (RowsFrom(TopIndex, _topRow, Frame.Height + 1) <= Frame.Height)
            AnchorAtBottom(Frame.Width, Frame.Height);
        return true;
    }

    /// <summary>Sets the top so that the last line ends on the last row.</summary>
    private void AnchorAtBottom(int width, int height)
    {
        var index = _count;
        var rows = 0;
        _topRow = 0;
        while (index > 0 && rows < height)
        {
            index--;
            var count = RowCount(this[index], width);
            rows += count;
            if (rows > height)
                _topRow = rows - height;
        }

        _topLine = _dropped + index;
    }

    private void ClampTop()
    {
        if (_topLine < _dropped)
        {
            _topLine = _dropped;
            _topRow = 0;
        }

        if (_count > 0 && _topRow >= RowCount(this[TopIndex], Frame.Width))
            _topRow = 0;
    }

    /// <summary>Screen rows from (index, row) to the end, counting no further than <paramref name="limit"/>.</summary>
    private int RowsFrom(int index, int row, int limit)
    {
        var rows = -row;
        for (var i = index; i < _count && rows < limit; i++)
            rows += RowCount(this[i], Frame.Width);
        return rows;
    }

    private int RowCount(StyledLine line, int width) => Wrap && width > 0 && line.Width > width ? line.Wrap(width).Count : 1;

    private IReadOnlyList<StyledLine> RowsOf(StyledLine line, int width) => Wrap && width > 0 ? line.Wrap(width) : [line];
}
