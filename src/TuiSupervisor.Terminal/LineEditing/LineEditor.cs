using System.Text;

namespace TuiSupervisor.Terminal;

/// <summary>
/// The editing logic of a single line, apart from any view: shared by <see cref="TextInput"/>
/// and <see cref="LineReader"/>. Emacs keys as in bash: Left/Right (Ctrl-B/F), Home/End
/// (Ctrl-A/E), Backspace/Delete (Ctrl-D on a non-empty line), Ctrl-U/K (kill to start/end),
/// Ctrl-W (kill the word before), Alt-B/F (word left/right), Up/Down (Ctrl-P/N) through the history.
/// </summary>
/// <remarks>The cursor never stops inside a character: surrogate pairs and combining marks move as one.</remarks>
public sealed class LineEditor
{
    private readonly StringBuilder _text = new();
    private readonly List<string> _history = [];
    private int _historyIndex;
    private string _draft = "";

    public string Text => _text.ToString();

    /// <summary>The cursor's position in <see cref="Text"/> (UTF-16 units).</summary>
    public int Cursor { get; private set; }

    /// <summary>Columns from the start of the line to the cursor.</summary>
    public int CursorColumn => CellWidth.Of(Text.AsSpan(0, Cursor));

    /// <summary>The most entries <see cref="AddHistory"/> keeps.</summary>
    public int HistoryCapacity { get; init; } = 500;

    public IReadOnlyList<string> History => _history;

    /// <summary>Replaces the text and puts the cursor at its end.</summary>
    public void SetText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text.Clear().Append(text);
        Cursor = _text.Length;
    }

    /// <summary>Empties the line and leaves history browsing.</summary>
    public void Clear()
    {
        SetText("");
        _historyIndex = _history.Count;
    }

    /// <summary>Inserts text at the cursor; line breaks and other controls become spaces (a paste of several lines is one line).</summary>
    public void Insert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
            clean.Append(char.IsControl(c) ? ' ' : c);
        _text.Insert(Cursor, clean);
        Cursor += clean.Length;
    }

    /// <summary>Remembers a submitted line (not blank, not the same as the last one) and leaves history browsing.</summary>
    public void AddHistory(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!string.IsNullOrWhiteSpace(line) && (_history.Count == 0 || _history[^1] != line))
        {
            _history.Add(line);
            if (_history.Count > HistoryCapacity)
                _history.RemoveAt(0);
        }

        _historyIndex = _history.Count;
    }

    /// <summary>Applies an editing key; false when the key is not an editing key (Enter, Tab, Escape, …).</summary>
    public bool HandleKey(KeyEvent key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Key == Key.Char && key.Modifiers == Modifiers.None)
        {
            Insert(key.Char.ToString());
            return true;
        }

        if (key.Key == Key.Char && key.Modifiers == Modifiers.Ctrl)
            return CtrlKey((char)key.Char.Value);
        if (key.Key == Key.Char && key.Modifiers == Modifiers.Alt)
        {
            switch (key.Char.Value)
            {
                case 'b': Cursor = WordStartBefore(Cursor); return true;
                case 'f': Cursor = WordEndAfter(Cursor); return true;
                default: return false;
            }
        }

        switch (key.Key)
        {
            case Key.Left when key.Modifiers == Modifiers.Ctrl: Cursor = WordStartBefore(Cursor); return true;
            case Key.Right when key.Modifiers == Modifiers.Ctrl: Cursor = WordEndAfter(Cursor); return true;
            case Key.Left: Cursor = Previous(Cursor); return true;
            case Key.Right: Cursor = Next(Cursor); return true;
            case Key.Home: Cursor = 0; return true;
            case Key.End: Cursor = _text.Length; return true;
            case Key.Backspace: Delete(Previous(Cursor), Cursor); return true;
            case Key.Delete: Delete(Cursor, Next(Cursor)); return true;
            case Key.Up: HistoryMove(-1); return true;
            case Key.Down: HistoryMove(1); return true;
            default: return false;
        }
    }

    /// <summary>The text before the cursor, as a completion callback receives it.</summary>
    public string TextBeforeCursor => Text[..Cursor];

    /// <summary>The word before the cursor (what completion extends).</summary>
    public string WordBeforeCursor => Text[WordStart(Cursor)..Cursor];

    /// <summary>The candidates that start with <see cref="WordBeforeCursor"/>, in their order.</summary>
    public IReadOnlyList<string> Matching(IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var word = WordBeforeCursor;
        return candidates.Where(c => c.StartsWith(word, StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// Completes the word before the cursor from <paramref name="candidates"/> (each a whole
    /// word; those not starting with it are ignored): one candidate replaces it and adds a space;
    /// several extend it to their common prefix. Returns whether the text changed.
    /// </summary>
    public bool Complete(IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        candidates = Matching(candidates);
        if (candidates.Count == 0)
            return false;
        var start = WordStart(Cursor);
        var word = Text[start..Cursor];
        var replacement = candidates.Count == 1 ? candidates[0] + " " : CommonPrefix(candidates);
        if (replacement.Length <= word.Length || !replacement.StartsWith(word, StringComparison.Ordinal))
            return false;
        Delete(start, Cursor);
        Insert(replacement);
        return true;
    }

    private bool CtrlKey(char letter)
    {
        switch (letter)
        {
            case 'a': Cursor = 0; return true;
            case 'e': Cursor = _text.Length; return true;
            case 'b': Cursor = Previous(Cursor); return true;
            case 'f': Cursor = Next(Cursor); return true;
            case 'd' when _text.Length > 0: Delete(Cursor, Next(Cursor)); return true;
            case 'u': Delete(0, Cursor); return true;
            case 'k': Delete(Cursor, _text.Length); return true;
            case 'w': Delete(WordStartBefore(Cursor), Cursor); return true;
            case 'p': HistoryMove(-1); return true;
            case 'n': HistoryMove(1); return true;
            default: return false;
        }
    }

    private void HistoryMove(int direction)
    {
        var target = Math.Clamp(_historyIndex + direction, 0, _history.Count);
        if (target == _historyIndex)
            return;
        if (_historyIndex == _history.Count)
            _draft = Text;
        _historyIndex = target;
        SetText(target == _history.Count ? _draft : _history[target]);
    }

    private void Delete(int from, int to)
    {
        if (to <= from)
            return;
        _text.Remove(from, to - from);
        Cursor = from;
    }

    /// <summary>The start of the character before <paramref name="at"/> (skipping back over combining marks and surrogate pairs).</summary>
    private int Previous(int at)
    {
        var text = Text;
        var i = at;
        while (i > 0)
        {
            i -= i >= 2 && char.IsSurrogatePair(text[i - 2], text[i - 1]) ? 2 : 1;
            if (i == 0 || !IsZeroWidthAt(text, i))
                break;
        }

        return i;
    }

    /// <summary>The position after the character at <paramref name="at"/> and its combining marks.</summary>
    private int Next(int at)
    {
        var text = Text;
        if (at >= text.Length)
            return text.Length;
        var i = at + (at + 1 < text.Length && char.IsSurrogatePair(text[at], text[at + 1]) ? 2 : 1);
        while (i < text.Length && IsZeroWidthAt(text, i))
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        return i;
    }

    private static bool IsZeroWidthAt(string text, int i) =>
        Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out _) == System.Buffers.OperationStatus.Done && CellWidth.Of(rune) == 0 && !Rune.IsControl(rune);

    private int WordStart(int at)
    {
        var text = Text;
        var i = at;
        while (i > 0 && text[i - 1] != ' ')
            i--;
        return i;
    }

    private int WordStartBefore(int at)
    {
        var text = Text;
        var i = at;
        while (i > 0 && text[i - 1] == ' ')
            i--;
        return WordStart(i);
    }

    private int WordEndAfter(int at)
    {
        var text = Text;
        var i = at;
        while (i < text.Length && text[i] == ' ')
            i++;
        while (i < text.Length && text[i] != ' ')
            i++;
        return i;
    }

    private static string CommonPrefix(IReadOnlyList<string> words)
    {
        var prefix = words[0];
        foreach (var word in words.Skip(1))
        {
            var n = 0;
            while (n < prefix.Length && n < word.Length && prefix[n] == word[n])
                n++;
            prefix = prefix[..n];
        }

        return prefix;
    }
}
