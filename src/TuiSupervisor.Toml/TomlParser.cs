namespace TuiSupervisor.Toml;

/// <summary>
/// Recursive descent over one document: lines of key/value pairs and table headers, and the
/// values themselves. Where keys land — which tables headers and dotted keys may create, extend
/// or not touch — is <see cref="TomlTableBuilder"/>'s business.
/// </summary>
internal sealed class TomlParser
{
    /// <summary>
    /// How deeply tables and arrays may nest. Values nest by recursion, so without a limit a few
    /// kilobytes of <c>[[[[…</c> would overflow the stack and kill the process.
    /// </summary>
    public const int MaxDepth = 128;

    private readonly TomlScanner _scanner;
    private readonly TomlStringReader _strings = new();
    private readonly TomlTableBuilder _tables = new();

    // The key being read; reused because every line has one.
    private readonly List<TomlKeyPart> _key = [];

    public TomlParser(TomlScanner scanner) => _scanner = scanner;

    public TomlTable Parse()
    {
        while (!_scanner.AtEnd)
        {
            _scanner.SkipWhitespace();
            var c = _scanner.Peek();
            if (c == '[')
            {
                ReadHeader();
            }
            else if (c is not ('#' or '\n' or '\r' or TomlScanner.End))
            {
                ReadKeyValue(_tables.Current, _tables.CurrentDepth);
            }

            EndLine();
        }

        return _tables.Root;
    }

    /// <summary>After a header or a key/value pair only a comment may follow on the same line.</summary>
    private void EndLine()
    {
        _scanner.SkipWhitespace();
        _scanner.SkipComment();
        if (!_scanner.AtEnd && !_scanner.TryConsumeNewline())
        {
            throw _scanner.Error($"expected end of line, found {_scanner.DescribeNext()}");
        }
    }

    private void ReadHeader()
    {
        var position = _scanner.Position;
        var isArray = _scanner.Peek(1) == '[';
        _scanner.Advance(isArray ? 2 : 1);
        _scanner.SkipWhitespace();
        ReadKey(isArray ? " after '[['" : " after '['");
        if (isArray)
        {
            if (_scanner.Peek() != ']' || _scanner.Peek(1) != ']')
            {
                throw _scanner.Error($"expected ']]' to close [[{TomlKeyPart.Format(_key)}], found {_scanner.DescribeNext()}");
            }

            _scanner.Advance(2);
            _tables.AppendArrayElement(_key, position);
        }
        else
        {
            if (_scanner.Peek() != ']')
            {
                throw _scanner.Error($"expected ']' to close [{TomlKeyPart.Format(_key)}], found {_scanner.DescribeNext()}");
            }

            _scanner.Advance();
            _tables.DefineTable(_key, position);
        }
    }

    /// <summary>
    /// Reads a key into <see cref="_key"/>: bare or quoted parts joined by dots, with optional
    /// whitespace around the dots. Leaves the cursor after any whitespace that follows.
    /// </summary>
    private void ReadKey(string context)
    {
        _key.Clear();
        while (true)
        {
            var position = _scanner.Position;
            var c = _scanner.Peek();
            string name;
            if (c is '"' or '\'')
            {
                if (TomlStringReader.AtMultiline(_scanner))
                {
                    throw _scanner.Error("a key cannot be a multi-line string");
                }

                name = _strings.ReadSingleLine(_scanner);
            }
            else
            {
                var length = TomlKeyPart.BareLength(_scanner.Remaining);
                if (length == 0)
                {
                    throw _scanner.Error($"expected a key{context}, found {_scanner.DescribeNext()}");
                }

                name = _scanner.Substring(_scanner.Offset, length);
                _scanner.Advance(length);
            }

            _key.Add(new TomlKeyPart(name, position));
            _scanner.SkipWhitespace();
            if (_scanner.Peek() != '.')
            {
                return;
            }

            _scanner.Advance();
            _scanner.SkipWhitespace();
            context = " after '.'";
        }
    }

    /// <summary>Reads <c>key = value</c> into <paramref name="table"/>, which sits <paramref name="depth"/> levels deep.</summary>
    private void ReadKeyValue(TomlTable table, int depth)
    {
        ReadKey("");
        if (_scanner.Peek() != '=')
        {
            throw _scanner.Error($"expected '=' after key '{TomlKeyPart.Format(_key)}', found {_scanner.DescribeNext()}");
        }

        _scanner.Advance();
        _scanner.SkipWhitespace();

        // Resolved before the value is read: an inline table or array value reads keys of its own.
        var (target, targetDepth) = TomlTableBuilder.ResolveKeyTarget(table, depth, _key);
        var last = _key[^1];
        var value = ReadValue(targetDepth)
            ?? throw _scanner.Error($"expected a value after '{TomlKeyPart.Format(_key)} =', found {_scanner.DescribeNext()}");
        target.Add(last.Name, last.Position, value);
    }

    /// <summary>Reads the value at the cursor, or returns null if no value starts here.</summary>
    private TomlValue? ReadValue(int containerDepth)
    {
        var c = _scanner.Peek();
        switch (c)
        {
            case '"' or '\'':
                var position = _scanner.Position;
                return new TomlString(_strings.Read(_scanner), position);
            case '[':
                return ReadArray(containerDepth + 1);
            case '{':
                return ReadInlineTable(containerDepth + 1);
            case (>= '0' and <= '9') or '+' or '-' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'):
                return ReadBareValue();
            default:
                return null;
        }
    }

    private TomlValue ReadBareValue()
    {
        if (TomlDateTimeReader.AtDateOrTime(_scanner))
        {
            return TomlDateTimeReader.Read(_scanner);
        }

        var token = TomlNumberReader.PeekToken(_scanner);
        var isTrue = token is "true";
        if (isTrue || token is "false")
        {
            var position = _scanner.Position;
            _scanner.Advance(token.Length);
            return new TomlBoolean(isTrue, position);
        }

        return TomlNumberReader.Read(_scanner);
    }

    private TomlArray ReadArray(int depth)
    {
        var position = _scanner.Position;
        TomlTableBuilder.CheckDepth(depth, _scanner.Position);
        var array = new TomlArray(position, isArrayOfTables: false);
        _scanner.Advance();
        while (true)
        {
            _scanner.SkipWhitespaceCommentsAndNewlines();
            if (_scanner.Peek() == ']')
            {
                break;
            }

            var element = ReadValue(depth)
                ?? throw _scanner.Error($"expected a value or ']' in the array opened at {position}, found {_scanner.DescribeNext()}");
            array.Add(element);
            _scanner.SkipWhitespaceCommentsAndNewlines();
            if (_scanner.Peek() == ',')
            {
                _scanner.Advance();
            }
            else if (_scanner.Peek() != ']')
            {
                throw _scanner.Error($"expected ',' or ']' after an element of the array opened at {position}, found {_scanner.DescribeNext()}");
            }
        }

        _scanner.Advance();
        return array;
    }

    private TomlTable ReadInlineTable(int depth)
    {
        var position = _scanner.Position;
        TomlTableBuilder.CheckDepth(depth, _scanner.Position);
        var table = new TomlTable(position, TomlTableOrigin.Inline);
        _scanner.Advance();
        _scanner.SkipWhitespace();
        if (_scanner.Peek() == '}')
        {
            _scanner.Advance();
            return table;
        }

        while (true)
        {
            ThrowIfLineBreakInInlineTable("a key", position);
            ReadKeyValue(table, depth);
            _scanner.SkipWhitespace();
            if (_scanner.Peek() == '}')
            {
                _scanner.Advance();
                return table;
            }

            ThrowIfLineBreakInInlineTable("',' or '}'", position);
            if (_scanner.Peek() != ',')
            {
                throw _scanner.Error($"expected ',' or '}}' in the inline table opened at {position}, found {_scanner.DescribeNext()}");
            }

            _scanner.Advance();
            _scanner.SkipWhitespace();
            if (_scanner.Peek() == '}')
            {
                throw _scanner.Error("a trailing comma is not allowed in an inline table");
            }
        }
    }

    /// <summary>TOML 1.0 keeps inline tables on one line; saying so beats a bare "found end of line".</summary>
    private void ThrowIfLineBreakInInlineTable(string expected, TomlPosition opening)
    {
        if (_scanner.AtNewline())
        {
            throw _scanner.Error(
                $"expected {expected} in the inline table opened at {opening}, found end of line (an inline table must be written on one line)");
        }
    }
}
