namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Reads one INI file into an <see cref="IniDocument"/> by the rules of Python's
/// <c>RawConfigParser</c> as supervisord 4.2 configures it (<c>inline_comment_prefixes=(';', '#')</c>,
/// <c>strict=False</c>, no interpolation):
/// <list type="bullet">
/// <item>a line whose first non-blank character is <c>;</c> or <c>#</c> is a comment; inline, they
/// start a comment only after whitespace, so <c>nginx -g 'daemon off;'</c> keeps its <c>;</c>;</item>
/// <item>a line indented deeper than its key continues the value (joined with <c>\n</c>);</item>
/// <item><c>=</c> or <c>:</c>, whichever comes first, separates key and value; keys are lower-cased;</item>
/// <item>a repeated section or key merges (the later value wins).</item>
/// </list>
/// Lines that fit none of these are all reported, as ConfigParser does; a file with a key before
/// any section header stops there.
/// </summary>
/// <remarks>
/// <paramref name="keepComments"/> is false when a file is read a second time (an include pattern
/// that matches the main file): its values count again, as in supervisord, its comments once.
/// </remarks>
internal sealed class IniParser(IniDocument document, IniDiagnostics diagnostics, string file, bool keepComments = true)
{
    private readonly List<string> _pendingComments = [];
    private IniSection? _section;
    private IniEntry? _entry;
    private List<string> _valueLines = [];
    private int _indentLevel;

    public void Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (!ParseLine(lines[index], index + 1))
                break;
        }

        FinishEntry();
        document.TrailingComments.AddRange(_pendingComments);
    }

    /// <summary>False when the rest of the file cannot be read.</summary>
    private bool ParseLine(string line, int number)
    {
        var trimmedStart = line.TrimStart();
        var fullLineComment = trimmedStart.StartsWith(';') || trimmedStart.StartsWith('#');
        var commentStart = fullLineComment ? 0 : InlineCommentStart(line);
        var content = (commentStart < 0 ? line : line[..commentStart]).Trim();
        var comment = commentStart < 0 ? null : CommentText(line, fullLineComment ? line.Length - trimmedStart.Length : commentStart);

        if (content.Length == 0)
        {
            if (fullLineComment && keepComments)
                _pendingComments.Add(comment!);
            else if (commentStart < 0 && _entry is not null)
                _valueLines.Add("");
            return true;
        }

        var indent = line.Length - trimmedStart.Length;
        if (_entry is not null && indent > _indentLevel)
        {
            _valueLines.Add(content);
            if (comment is not null && keepComments)
                _entry.InlineComment = _entry.InlineComment is null ? comment : _entry.InlineComment + " " + comment;
            return true;
        }

        _indentLevel = indent;
        if (content.StartsWith('[') && content.LastIndexOf(']') is var close && close > 1)
        {
            FinishEntry();
            _section = document.Open(content[1..close], new IniPlace(file, number, indent + 1));
            _section.Comments.AddRange(_pendingComments);
            _pendingComments.Clear();
            return true;
        }

        if (_section is null)
        {
            diagnostics.Error(new IniPlace(file, number, indent + 1), "the file starts without a [section] header: every key must follow one, e.g. [program:web]");
            return false;
        }

        var separator = content.IndexOfAny(['=', ':']);
        var key = separator < 0 ? "" : content[..separator].TrimEnd();
        if (key.Length == 0)
        {
            FinishEntry();
            var why = separator < 0 ? "it is not a key = value, a [section] or an indented continuation" : "the key before the '" + content[separator] + "' is empty";
            diagnostics.Error(new IniPlace(file, number, indent + 1), $"cannot read '{content}': {why}");
            return true;
        }

        FinishEntry();
        var valueText = content[(separator + 1)..];
        var valueOffset = separator + 1 + (valueText.Length - valueText.TrimStart().Length);
        _entry = new IniEntry
        {
            Key = key.ToLowerInvariant(),
            Value = "",
            Place = new IniPlace(file, number, indent + 1),
            ValuePlace = new IniPlace(file, number, indent + valueOffset + 1),
            InlineComment = keepComments ? comment : null,
        };
        _entry.Comments.AddRange(_pendingComments);
        _pendingComments.Clear();
        _valueLines = [valueText.Trim()];
        return true;
    }

    /// <summary>The first <c>;</c> or <c>#</c> that starts the line or follows whitespace; -1 if none.</summary>
    private static int InlineCommentStart(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is ';' or '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                return i;
        }

        return -1;
    }

    private static string CommentText(string line, int start) => line[(start + 1)..].TrimEnd();

    private void FinishEntry()
    {
        if (_entry is null || _section is null)
            return;
        _entry.Value = string.Join('\n', _valueLines).TrimEnd();
        _section.Set(_entry);
        _entry = null;
    }
}
