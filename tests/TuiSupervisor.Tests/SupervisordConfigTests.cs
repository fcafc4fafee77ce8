namespace TuiSupervisor.Tests;

/// <summary>The real executable on supervisord configs: check, convert and a headless run (spec section 6).</summary>
public class SupervisordConfigTests
{
    private const string MainConfig = """
        ; the main config
        [supervisord]
        nodaemon=true
        logfile=%(here)s/supervisord.log
        pidfile=%(here)s/supervisord.pid
        childlogdir=%(here)s

        [program:hello]
        command=/bin/sh -c 'echo "hello from %(program_name)s"; exec sleep 30'   ; says hello, then waits
        stdout_logfile=%(here)s/hello.log
        startsecs=0
        autorestart=yes

        [eventlistener:mail]
        command=/usr/bin/crashmail
        events=PROCESS_STATE

        [include]
        files = conf.d/*.conf
        """;

    private const string IncludedConfig = """
        [program:worker]
        command=/bin/sleep 30
        comand=typo
        numprocs=2
        process_name=%(program_name)s_%(process_num)02d
        """;

    [Fact]
    public void Check_reads_a_supervisord_conf_with_its_includes_and_prints_the_warnings()
    {
        using var dir = new TempDirectory();
        dir.Write("sv.conf", MainConfig);
        dir.Write("conf.d/worker.conf", IncludedConfig);

        var result = Product.Run(dir.Path, "check", "-c", "sv.conf");

        Assert.Equal((0, "sv.conf: OK (2 programs, 3 processes)\n"), (result.ExitCode, result.Stdout));
        Assert.Equal(
            """
            sv.conf:14:1: warning: [eventlistener:mail] is ignored: event listeners are not implemented; it does not run
            conf.d/worker.conf:3:1: warning: unknown key 'comand' in [program:worker] is ignored (did you mean 'command'?)

            """,
            result.Stderr);
    }

    [Fact]
    public void A_conf_supervisord_would_reject_is_rejected_with_file_line_and_reason()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.conf", """
            [supervisord]

            [program:desktop]
            command=/usr/bin/lxpanel
            user=%USER%
            """);

        var result = Product.Run(dir.Path, "check", "-c", "bad.conf");

        Assert.Equal((2, ""), (result.ExitCode, result.Stdout));
        Assert.Equal(
            """
            bad.conf:5:6: 'user' in [program:desktop]: '%U' at character 1 is not an expansion: write '%%' for a percent sign, or '%(name)s'
            bad.conf: 1 error, nothing started

            """,
            result.Stderr);
    }

    [Fact]
    public void Convert_writes_TOML_that_check_accepts_with_the_same_processes()
    {
        using var dir = new TempDirectory();
        dir.Write("sv.conf", MainConfig);
        dir.Write("conf.d/worker.conf", IncludedConfig);

        var convert = Product.Run(dir.Path, "convert", "sv.conf", "-o", "sv.toml");
        Assert.Equal(0, convert.ExitCode);
        Assert.Contains("sv.toml: written", convert.Stderr, StringComparison.Ordinal);

        var toml = File.ReadAllText(Path.Combine(dir.Path, "sv.toml"));
        Assert.Contains("# the main config\n[supervisor]\n", toml, StringComparison.Ordinal);
        Assert.Contains("command = \"/bin/sh -c 'echo \\\"hello from %(program_name)s\\\"; exec sleep 30'\"  # says hello, then waits\n", toml, StringComparison.Ordinal);
        Assert.Contains("# not carried over: [eventlistener:mail]: event listeners are not implemented\n", toml, StringComparison.Ordinal);
        Assert.Contains("# from conf.d/worker.conf\n[programs.worker]\n", toml, StringComparison.Ordinal);
        Assert.Contains("# not carried over: comand = typo: supervisord does not know this key either\n", toml, StringComparison.Ordinal);

        var check = Product.Run(dir.Path, "check", "-c", "sv.toml");
        Assert.Equal((0, "sv.toml: OK (2 programs, 3 processes)\n", ""), (check.ExitCode, check.Stdout, check.Stderr));
    }

    [Fact]
    public void Convert_to_standard_output_prints_only_the_TOML()
    {
        using var dir = new TempDirectory();
        dir.Write("sv.conf", "[supervisord]\n[program:a]\ncommand=sleep 1\nautostart=off\n");

        var result = Product.Run(dir.Path, "convert", "sv.conf");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[programs.a]\ncommand = \"sleep 1\"\nautostart = false\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Convert_of_a_conf_with_an_error_writes_nothing_and_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.conf", "[supervisord]\n[program:a]\ncommand=sleep 1\nstartsecs=soon\n");

        var result = Product.Run(dir.Path, "convert", "bad.conf", "-o", "bad.toml");

        Assert.Equal((2, ""), (result.ExitCode, result.Stdout));
        Assert.Equal("bad.conf:4:11: 'startsecs' in [program:a]: 'soon' is not an integer\nbad.conf: 1 error, nothing converted\n", result.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "bad.toml")));
    }

    [Theory]
    [InlineData("sv.conf")]
    [InlineData("./sv.conf")]
    [InlineData("link.conf")]
    public void Convert_refuses_to_write_over_the_file_it_reads(string output)
    {
        using var dir = new TempDirectory();
        var input = dir.Write("sv.conf", "[supervisord]\n[program:a]\ncommand=sleep 1\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.conf"), input);

        var result = Product.Run(dir.Path, "convert", "sv.conf", "-o", output);

        Assert.Equal(new Product.Result(2, "", $"tuisupervisor convert: {output} is the file being converted; write the TOML to another file (nothing written)\n"), result);
        Assert.Equal("[supervisord]\n[program:a]\ncommand=sleep 1\n", File.ReadAllText(input));
    }

    [Fact]
    public void Convert_of_a_toml_file_says_it_is_already_toml()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", "[programs.a]\ncommand = \"sleep 1\"\n");

        var result = Product.Run(dir.Path, "convert", "s.toml");

        Assert.Equal(new Product.Result(2, "", "tuisupervisor convert: s.toml is already TOML; convert reads supervisord .conf/.ini files\n"), result);
    }

    [Fact]
    public void Convert_has_its_own_help()
    {
        var result = Product.Run(Product.RepositoryRoot, "convert", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: tuisupervisor convert SUPERVISORD.conf [-o OUT.toml]\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Headless_runs_the_programs_of_a_supervisord_conf()
    {
        using var dir = new TempDirectory();
        dir.Write("sv.conf", MainConfig);
        dir.Write("conf.d/worker.conf", IncludedConfig);
        using var session = new HeadlessSession(dir.Path, "sv.conf");

        var status = session.Poll("status", s => s.Split('\n').Count(line => line.Contains("RUNNING", StringComparison.Ordinal)) == 3);
        Assert.Matches(@"(?m)^hello {28}RUNNING   pid \d+", status);
        Assert.Matches(@"(?m)^worker:worker_00 {17}RUNNING   pid \d+", status);
        Assert.Matches(@"(?m)^worker:worker_01 {17}RUNNING   pid \d+", status);
        session.WaitFor(_ => File.Exists(Path.Combine(dir.Path, "hello.log")) && File.ReadAllText(Path.Combine(dir.Path, "hello.log")) == "hello from hello\n", "hello's line in hello.log");
        Assert.Contains("warning: [eventlistener:mail] is ignored", session.Stderr, StringComparison.Ordinal);

        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }
}
