namespace TuiSupervisor.Tests;

public class CheckCommandTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Product.RepositoryRoot, "examples"), "*.toml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_shipped_config_passes_check()
    {
        var result = Product.Run(Product.RepositoryRoot, "check", "-c", "supervisor.toml");
        Assert.Equal("", result.Stderr);
        Assert.Equal("supervisor.toml: OK (5 programs, 7 processes)\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_passes_check(string example)
    {
        var result = Product.Run(Path.Combine(Product.RepositoryRoot, "examples"), "check", "-c", example);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith($"{example}: OK (", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_finds_supervisor_toml_in_the_current_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("supervisor.toml", "[programs.a]\ncommand = \"sleep 1\"\nnumprocs = 2\n");
        var result = Product.Run(dir.Path, "check");
        Assert.Equal((0, $"{Path.Combine(dir.Path, "supervisor.toml")}: OK (1 program, 2 processes)\n"), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public void Check_without_any_config_checks_the_embedded_demo()
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = Path.Combine(dir.Path, "config"),
            ["XDG_STATE_HOME"] = Path.Combine(dir.Path, "state"),
        };
        var result = Product.Run(dir.Path, environment, "check");
        Assert.Equal((0, "(embedded supervisor.toml): OK (5 programs, 7 processes)\n"), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public void A_bad_config_lists_every_problem_with_line_and_column_and_exits_2()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.toml", """
            [programs.web]
            command = "sleep 1"
            autostart = "maybe"

            [programs.worker]
            comand = "sleep 1"
            """);
        var result = Product.Run(dir.Path, "check", "-c", "bad.toml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            """
            bad.toml:3:13: 'autostart' in [programs.web] must be true or false, not string "maybe"
            bad.toml:5:1: [programs.worker] has no 'command': give the program to run, e.g. command = "sleep 10"
            bad.toml:6:1: unknown key 'comand' in [programs.worker] (did you mean 'command'?)
            bad.toml: 3 errors, nothing started

            """,
            result.Stderr);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void A_toml_syntax_error_names_line_and_column()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.toml", "[programs.web]\ncommand = 'sleep 1\n");
        var result = Product.Run(dir.Path, "check", "-c", "broken.toml");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("broken.toml:2:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_config_file_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        var result = Product.Run(dir.Path, "check", "-c", "nope.toml");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("nope.toml: cannot read the config file: no such file or folder\nnope.toml: 1 error, nothing started\n", result.Stderr);
    }

    [Fact]
    public void A_folder_given_as_the_config_is_said_to_be_one()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "etc"));
        var result = Product.Run(dir.Path, "check", "-c", "etc");
        Assert.Equal(new Product.Result(2, "", "etc: cannot read the config file: it is a folder, not a file\netc: 1 error, nothing started\n"), result);
    }
}
