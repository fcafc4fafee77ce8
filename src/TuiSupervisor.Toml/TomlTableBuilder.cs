namespace TuiSupervisor.Toml;

/// <summary>
/// Decides where headers and dotted keys put things, enforcing TOML's rules on redefinition:
/// a table is defined once (by one header, by dotted keys, or inline); a header may define a table
/// that earlier headers only implied; inline tables and plain arrays are closed; dotted keys extend
/// only tables that dotted keys created, so they cannot reach back into a table that a header
/// defined elsewhere (toml-lang/toml#846).
/// </summary>
internal sealed class TomlTableBuilder
{
    public TomlTableBuilder() => Current = Root;

    public TomlTable Root { get; } = new(new TomlPosition(1, 1), TomlTableOrigin.Root);

    /// <summary>The table that key/value lines go into: the one named by the last header.</summary>
    public TomlTable Current { get; private set; }

    /// <summary>How many tables and arrays enclose <see cref="Current"/>'s contents.</summary>
    public int CurrentDepth { get; private set; }

    /// <summary>Handles <c>[a.b.c]</c>.</summary>
    public void DefineTable(List<TomlKeyPart> key, TomlPosition header)
    {
        var (parent, depth) = WalkHeaderPrefix(key);
        var last = key[^1];
        depth++;
        CheckDepth(depth, last.Position);
        if (parent.TryGetEntry(last.Name, out var entry))
        {
            if (entry.Value is not TomlTable { Origin: TomlTableOrigin.Implicit } implied)
            {
                throw TomlScanner.Error(last.Position, DescribeRedefinition(key, entry));
            }

            // From here on the table counts as defined by this header, so point at the header.
            implied.Origin = TomlTableOrigin.Header;
            implied.Position = header;
            Enter(implied, depth);
            return;
        }

        var table = new TomlTable(header, TomlTableOrigin.Header);
        parent.Add(last.Name, last.Position, table);
        Enter(table, depth);
    }

    /// <summary>Handles <c>[[a.b.c]]</c>.</summary>
    public void AppendArrayElement(List<TomlKeyPart> key, TomlPosition header)
    {
        var (parent, depth) = WalkHeaderPrefix(key);
        var last = key[^1];
        depth += 2;
        CheckDepth(depth, last.Position);
        TomlArray array;
        if (parent.TryGetEntry(last.Name, out var entry))
        {
            array = entry.Value as TomlArray is { IsArrayOfTables: true } existing
                ? existing
                : throw TomlScanner.Error(last.Position, DescribeArrayConflict(key, entry));
        }
        else
        {
            array = new TomlArray(header, isArrayOfTables: true);
            parent.Add(last.Name, last.Position, array);
        }

        var element = new TomlTable(header, TomlTableOrigin.ArrayElement);
        array.Add(element);
        Enter(element, depth);
    }

    /// <summary>
    /// Walks (creating as needed) the tables named by all but the last part of a dotted key, from
    /// <paramref name="table"/> at <paramref name="depth"/>, and checks that the last part is new.
    /// </summary>
    public static (TomlTable Table, int Depth) ResolveKeyTarget(TomlTable table, int depth, List<TomlKeyPart> key)
    {
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            depth++;
            CheckDepth(depth, part.Position);
            if (!table.TryGetEntry(part.Name, out var entry))
            {
                var created = new TomlTable(part.Position, TomlTableOrigin.DottedKey);
                table.Add(part.Name, part.Position, created);
                table = created;
            }
            else if (entry.Value is TomlTable { Origin: TomlTableOrigin.DottedKey } dotted)
            {
                table = dotted;
            }
            else
            {
                throw TomlScanner.Error(part.Position, DescribeDottedConflict(key, i, entry));
            }
        }

        var last = key[^1];
        if (table.TryGetEntry(last.Name, out var existing))
        {
            throw TomlScanner.Error(
                last.Position,
                $"duplicate key '{TomlKeyPart.Format(key)}' (first defined at {existing.KeyPosition})");
        }

        return (table, depth);
    }

    private void Enter(TomlTable table, int depth)
    {
        Current = table;
        CurrentDepth = depth;
    }

    /// <summary>Walks the tables a header names before its last part; headers may pass through any open table.</summary>
    private (TomlTable Table, int Depth) WalkHeaderPrefix(List<TomlKeyPart> key)
    {
        var table = Root;
        var depth = 0;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (!table.TryGetEntry(part.Name, out var entry))
            {
                var created = new TomlTable(part.Position, TomlTableOrigin.Implicit);
                table.Add(part.Name, part.Position, created);
                table = created;
                depth++;
            }
            else if (entry.Value is TomlTable { Origin: not TomlTableOrigin.Inline } open)
            {
                table = open;
                depth++;
            }
            else if (entry.Value is TomlArray { IsArrayOfTables: true } array)
            {
                // A header below an array of tables extends its most recent element.
                table = (TomlTable)array[^1];
                depth += 2;
            }
            else
            {
                throw TomlScanner.Error(part.Position, DescribeClosed(TomlKeyPart.Format(key, i + 1), entry));
            }

            CheckDepth(depth, part.Position);
        }

        return (table, depth);
    }

    private static string DescribeRedefinition(List<TomlKeyPart> key, TomlEntry entry)
    {
        var name = TomlKeyPart.Format(key);
        return entry.Value switch
        {
            TomlTable { Origin: TomlTableOrigin.Header } table => $"duplicate table [{name}] (first defined at {table.Position})",
            TomlTable { Origin: TomlTableOrigin.DottedKey } => $"table [{name}] was already defined by the dotted key at {entry.KeyPosition}",
            TomlArray { IsArrayOfTables: true } array =>
                $"[{name}] is an array of tables (first defined at {array.Position}); use [[{name}]] to add an element",
            _ => DescribeClosed(name, entry),
        };
    }

    private static string DescribeArrayConflict(List<TomlKeyPart> key, TomlEntry entry)
    {
        var name = TomlKeyPart.Format(key);
        return entry.Value switch
        {
            TomlTable { Origin: not TomlTableOrigin.Inline } table =>
                $"[[{name}]] cannot add an element to '{name}': it is a table (defined at {table.Position}), not an array of tables",
            TomlArray => $"[[{name}]] cannot add an element to '{name}': it is an array value (defined at {entry.KeyPosition}), not an array of tables",
            _ => DescribeClosed(name, entry),
        };
    }

    private static string DescribeDottedConflict(List<TomlKeyPart> key, int index, TomlEntry entry)
    {
        var name = TomlKeyPart.Format(key, index + 1);
        return entry.Value switch
        {
            TomlTable { Origin: TomlTableOrigin.Implicit } =>
                $"cannot add to table '{name}' with a dotted key: it was created by the header at {entry.KeyPosition}",
            TomlTable { Origin: TomlTableOrigin.Header } table =>
                $"cannot add to table '{name}' with a dotted key: it was defined by the header at {table.Position}",
            TomlArray { IsArrayOfTables: true } array =>
                $"cannot add to '{name}' with a dotted key: it is an array of tables (defined at {array.Position})",
            _ => DescribeClosed(name, entry),
        };
    }

    /// <summary>Why nothing can be added below <paramref name="entry"/>: it is an inline table or not a table at all.</summary>
    private static string DescribeClosed(string name, TomlEntry entry) => entry.Value switch
    {
        TomlTable table => $"cannot add to '{name}': it is an inline table (defined at {table.Position}), and inline tables are closed",
        TomlArray => $"cannot add to '{name}': it is an array value (defined at {entry.KeyPosition}), not a table",
        var value => $"key '{name}' is already defined as {WithArticle(value.TypeName)} at {entry.KeyPosition}, so it cannot be a table",
    };

    private static string WithArticle(string typeName) => typeName[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? $"an {typeName}" : $"a {typeName}";

    /// <summary>Refuses nesting beyond <see cref="TomlParser.MaxDepth"/> instead of overflowing the stack.</summary>
    internal static void CheckDepth(int depth, TomlPosition position)
    {
        if (depth > TomlParser.MaxDepth)
        {
            throw TomlScanner.Error(position, $"nesting is deeper than {TomlParser.MaxDepth} levels");
        }
    }
}
