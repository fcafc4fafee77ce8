namespace TuiSupervisor.Toml.Tests;

public class PositionTests
{
    [Fact]
    public void Keys_and_values_record_their_line_and_column()
    {
        var root = Parse.Valid("name = \"web\"\n  port   =  8080\n");

        Assert.True(root.TryGetEntry("name", out var name));
        Assert.Equal(new TomlPosition(1, 1), name.KeyPosition);
        Assert.Equal(new TomlPosition(1, 8), name.Value.Position);
        Assert.True(root.TryGetEntry("port", out var port));
        Assert.Equal(new TomlPosition(2, 3), port.KeyPosition);
        Assert.Equal(new TomlPosition(2, 13), port.Value.Position);
    }

    [Fact]
    public void Table_position_is_its_header_and_its_keys_follow()
    {
        var root = Parse.Valid("a = 1\n\n[server]\nhost = \"x\"\n");

        var server = Assert.IsType<TomlTable>(root["server"]);
        Assert.Equal(new TomlPosition(3, 1), server.Position);
        Assert.True(root.TryGetEntry("server", out var entry));
        Assert.Equal(new TomlPosition(3, 2), entry.KeyPosition);
        Assert.True(server.TryGetEntry("host", out var host));
        Assert.Equal(new TomlPosition(4, 1), host.KeyPosition);
    }

    [Fact]
    public void Each_part_of_a_dotted_key_keeps_its_own_position()
    {
        var root = Parse.Valid("a . b.c = 1\n");

        Assert.True(root.TryGetEntry("a", out var a));
        Assert.Equal(new TomlPosition(1, 1), a.KeyPosition);
        var tableA = Assert.IsType<TomlTable>(a.Value);
        Assert.Equal(TomlTableOrigin.DottedKey, tableA.Origin);
        Assert.True(tableA.TryGetEntry("b", out var b));
        Assert.Equal(new TomlPosition(1, 5), b.KeyPosition);
        Assert.True(((TomlTable)b.Value).TryGetEntry("c", out var c));
        Assert.Equal(new TomlPosition(1, 7), c.KeyPosition);
        Assert.Equal(new TomlPosition(1, 11), c.Value.Position);
    }

    [Fact]
    public void Implied_table_takes_the_position_of_the_header_that_later_defines_it()
    {
        var root = Parse.Valid("[a.b]\nx = 1\n[a]\ny = 2\n");

        var a = Assert.IsType<TomlTable>(root["a"]);
        Assert.Equal(TomlTableOrigin.Header, a.Origin);
        Assert.Equal(new TomlPosition(3, 1), a.Position);
    }

    [Fact]
    public void Array_of_tables_elements_point_at_their_own_headers()
    {
        var root = Parse.Valid("[[job]]\nname = \"a\"\n\n[[job]]\nname = \"b\"\n");

        var jobs = Assert.IsType<TomlArray>(root["job"]);
        Assert.True(jobs.IsArrayOfTables);
        Assert.Equal(new TomlPosition(1, 1), jobs.Position);
        Assert.Equal(new TomlPosition(1, 1), jobs[0].Position);
        Assert.Equal(new TomlPosition(4, 1), jobs[1].Position);
        Assert.Equal(TomlTableOrigin.ArrayElement, ((TomlTable)jobs[1]).Origin);
    }

    [Fact]
    public void Array_elements_and_inline_table_values_have_positions_across_lines()
    {
        var root = Parse.Valid("list = [\n  1,\n    \"two\",\n]\npoint = { x = 1, y = 2 }\n");

        var list = Assert.IsType<TomlArray>(root["list"]);
        Assert.Equal(new TomlPosition(1, 8), list.Position);
        Assert.Equal(new TomlPosition(2, 3), list[0].Position);
        Assert.Equal(new TomlPosition(3, 5), list[1].Position);
        var point = Assert.IsType<TomlTable>(root["point"]);
        Assert.Equal(TomlTableOrigin.Inline, point.Origin);
        Assert.Equal(new TomlPosition(5, 9), point.Position);
        Assert.True(point.TryGetEntry("y", out var y));
        Assert.Equal(new TomlPosition(5, 18), y.KeyPosition);
        Assert.Equal(new TomlPosition(5, 22), y.Value.Position);
    }

    [Fact]
    public void Lines_are_counted_inside_multi_line_strings()
    {
        var root = Parse.Valid("text = \"\"\"\none\ntwo\\\n   three\"\"\"\nafter = '''\nx\n'''\nlast = 1\n");

        Assert.True(root.TryGetEntry("after", out var after));
        Assert.Equal(new TomlPosition(5, 1), after.KeyPosition);
        Assert.True(root.TryGetEntry("last", out var last));
        Assert.Equal(new TomlPosition(8, 1), last.KeyPosition);
    }

    [Fact]
    public void Crlf_line_endings_and_a_leading_bom_do_not_shift_positions()
    {
        var root = Parse.Valid("\uFEFFa = 1\r\nb = 2\r\n"u8.ToArray());

        Assert.True(root.TryGetEntry("a", out var a));
        Assert.Equal(new TomlPosition(1, 1), a.KeyPosition);
        Assert.True(root.TryGetEntry("b", out var b));
        Assert.Equal(new TomlPosition(2, 1), b.KeyPosition);
        Assert.Equal(new TomlPosition(2, 5), b.Value.Position);
    }

    [Fact]
    public void Date_times_and_numbers_point_at_their_first_character()
    {
        var root = Parse.Valid("when = 1979-05-27T07:32:00Z\nsize = -16\nratio=+1.5e3\n");

        Assert.Equal(new TomlPosition(1, 8), root["when"].Position);
        Assert.Equal(new TomlPosition(2, 8), root["size"].Position);
        Assert.Equal(new TomlPosition(3, 7), root["ratio"].Position);
    }
}
