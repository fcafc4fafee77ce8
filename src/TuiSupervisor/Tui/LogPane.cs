using TuiSupervisor.Terminal;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tui;

/// <summary>
/// The selected process's output under a title row: following the end as lines arrive, or
/// paused where the operator scrolled; wrapped or scrolled sideways; search matches marked.
/// Only the lines on screen are parsed at each frame (<see cref="LogBuffer"/> says why), and
/// every escape sequence but colours is neutralised by <see cref="AnsiText"/>.
/// </summary>
internal sealed class LogPane(Theme theme) : View
{
    private long _top;
    private long _lastTop;
    private int _lastVisible;
    private int _sideways;
    private long? _match;

    public LogFollower? Source { get; private set; }

    /// <summary>Stays at the end as lines arrive; scrolling up pauses, scrolling back to the end follows again.</summary>
    public bool Following { get; private set; } = true;

    public bool Wrap { get; private set; } = true;

    /// <summary>The search term whose matches are marked (smart case, as in less); empty for none.</summary>
    public string SearchTerm { get; private set; } = "";

    /// <summary>What the title says when no process is selected.</summary>
    public string Placeholder { get; set; } = "no process selected";

    public override bool CanFocus => true;

    private int Rows => Math.Max(0, Frame.Height - 1);

    /// <summary>Shows another follower's lines (a new selection or stream); the old one is the caller's to dispose.</summary>
    public void Show(LogFollower? source)
    {
        Source = source;
        Following = true;
        _sideways = 0;
        _match = null;
    }

    public void ToggleWrap()
    {
        Wrap = !Wrap;
        _sideways = 0;
    }

    public void FollowEnd()
    {
        Following = true;
        _match = null;
    }

    public void Scroll(int lines)
    {
        if (Source is not { } source)
            return;
        var top = (Following ? _lastTop : _top) + lines;
        var first = source.Buffer.First;
        var lastTop = Math.Max(first, source.Buffer.End - Math.Max(1, _lastVisible));
        if (lines > 0 && top >= lastTop)
        {
            FollowEnd();
            return;
        }

        Following = false;
        _top = Math.Clamp(top, first, lastTop);
    }

    public void PageUp() => Scroll(-Math.Max(1, Rows - 1));

    public void PageDown() => Scroll(Math.Max(1, Rows - 1));

    public void Home()
    {
        if (Source is null)
            return;
        Following = false;
        _top = Source.Buffer.First;
    }

    public void Sideways(int columns) => _sideways = Wrap ? 0 : Math.Max(0, _sideways + columns);

    /// <summary>
    /// Marks <paramref name="term"/> and moves to its next match after (or, backwards, before) the
    /// current one; from a following view the search starts at the end. Returns whether one was found.
    /// </summary>
    public bool Search(string term, bool backwards)
    {
        SearchTerm = term;
        if (Source is not { } source || term.Length == 0)
            return false;
        var buffer = source.Buffer;
        var from = _match ?? (Following ? buffer.End : _top + (backwards ? 0 : -1));
        var lines = buffer.Read(buffer.First, int.MaxValue, withUnfinished: true);
        var first = buffer.First;
        var step = backwards || (_match is null && Following) ? -1 : 1;
        for (var n = from + step; n >= first && n < first + lines.Count; n += step)
        {
            if (Highlighter.Contains(AnsiText.Parse(lines[(int)(n - first)].Bytes, Style.Default), term))
            {
                _match = n;
                Following = false;
                _top = Math.Max(first, n - Rows / 3);
                return true;
            }
        }

        return false;
    }

    public void ClearSearch()
    {
        SearchTerm = "";
        _match = null;
    }

    public override void Render(Surface surface)
    {
        RenderTitle(surface);
        if (Source is not { } source || Rows == 0)
            return;
        var body = surface.Clip(new Rect(0, 1, surface.Width, Rows));
        var buffer = source.Buffer;
        var top = Following ? Math.Max(buffer.First, buffer.End - Rows) : _top;
        var lines = buffer.Read(top, Rows);
        var rows = new List<StyledLine>(Rows);
        var owners = new List<long>(Rows);
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var piece in Pieces(lines[i], top + i, body.Width))
            {
                rows.Add(piece);
                owners.Add(top + i);
            }
        }

        // Following shows the end: drop whole rows from the top until the last line fits.
        var skip = Following ? Math.Max(0, rows.Count - Rows) : 0;
        _lastTop = owners.Count > skip ? owners[skip] : top;
        _lastVisible = Math.Max(1, lines.Count);
        for (var y = 0; y < Rows && skip + y < rows.Count; y++)
            body.Write(0, y, rows[skip + y], theme[ThemeRoles.Normal], Wrap ? 0 : _sideways);
    }

    public override bool OnMouse(MouseEvent mouse)
    {
        switch (mouse.Action)
        {
            case MouseAction.WheelUp:
                Scroll(-3);
                return true;
            case MouseAction.WheelDown:
                Scroll(3);
                return true;
            default:
                return false;
        }
    }

    private IEnumerable<StyledLine> Pieces(LogLine line, long number, int width)
    {
        var baseStyle = line.Stream == LogStream.Stderr && Source?.Streams == LogStream.Both ? theme[TuiRoles.LogStderr] : theme[ThemeRoles.Normal];
        var styled = AnsiText.Parse(line.Bytes, baseStyle);
        if (SearchTerm.Length > 0)
            styled = Highlighter.Highlight(styled, SearchTerm, theme[number == _match ? ThemeRoles.SearchCurrent : ThemeRoles.SearchMatch]);
        return Wrap ? styled.Wrap(width) : [styled];
    }

    private void RenderTitle(Surface surface)
    {
        var style = theme[HasFocus ? TuiRoles.TitleFocused : ThemeRoles.Title];
        var rule = theme[HasFocus ? ThemeRoles.BorderFocused : ThemeRoles.Border];
        surface.Fill(new Rect(0, 0, surface.Width, 1), new System.Text.Rune('─'), rule);
        var title = Source is { } source
            ? $" {source.Process} · {StreamName(source.Streams)} · {(Following ? "following" : "paused")}{(Wrap ? "" : " · no wrap")}{(SearchTerm.Length > 0 ? $" · /{SearchTerm}" : "")} "
            : $" {Placeholder} ";
        surface.Write(1, 0, CellWidth.Truncate(title, Math.Max(0, surface.Width - 2)), style);
    }

    private static string StreamName(LogStream streams) => streams switch
    {
        LogStream.Stdout => "stdout",
        LogStream.Stderr => "stderr",
        _ => "stdout+stderr",
    };
}
