namespace TuiSupervisor.Core.Tests.Config;

public class ConfigErrorTests
{
    [Fact]
    public void Every_problem_is_reported_at_once_with_line_and_column()
    {
        var errors = ConfigText.Errors("""
            [programs.web]
            comand = "sleep 1"
            startsecs = "soon"
            numprocs = -1

            [programs.worker]
            command = "sleep 1"
            stopsignal = "FOO"
            autorestart = "sometimes"
            """);
        Assert.Equal(
            [
                "1:1: [programs.web] has no 'command': give the program to run, e.g. command = \"sleep 10\"",
                "2:1: unknown key 'comand' in [programs.web] (did you mean 'command'?)",
                "3:13: invalid value string \"soon\" for 'startsecs' in [programs.web]: expected a duration: a number of seconds, or a string such as \"500ms\", \"10s\", \"5m\", \"1h\"",
                "4:12: 'numprocs' in [programs.web] must be between 1 and 10000, not -1",
                "8:14: invalid value string \"FOO\" for 'stopsignal' in [programs.worker]: expected a signal name such as \"TERM\", \"INT\", \"QUIT\", \"HUP\", \"KILL\", \"USR1\" or \"USR2\", or its number",
                "9:15: invalid value string \"sometimes\" for 'autorestart' in [programs.worker]: expected true, false, \"unexpected\", \"always\" or \"never\"",
            ],
            errors);
    }

    [Fact]
    public void A_command_that_is_there_but_empty_or_a_bad_program_name_is_reported_once()
    {
        var errors = ConfigText.Errors("""
            [programs.empty]
            command = ""
            [programs.none]
            command = []
            [programs."a b"]
            command = "sleep 1"
            [programs."c:d"]
            command = "sleep 1"
            numprocs = 2
            """);
        Assert.Equal(
            [
                "2:11: 'command' in [programs.empty] is empty",
                "4:11: 'command' in [programs.none] must be a string or a non-empty array of strings, not array",
                "5:11: program name \"a b\" may not contain U+0020: use letters, digits, '-', '_' or '.'",
                "7:11: program name \"c:d\" may not contain ':': use letters, digits, '-', '_' or '.'",
            ],
            errors);
    }

    [Fact]
    public void A_wrong_type_names_the_expected_type()
    {
        var errors = ConfigText.Errors("""
            [programs.web]
            command = "sleep 1"
            autostart = "yes"
            priority = 1.5
            environment = { PORT = 8000 }
            """);
        Assert.Equal(
            [
                "3:13: 'autostart' in [programs.web] must be true or false, not string \"yes\"",
                "4:12: 'priority' in [programs.web] must be an integer, not float 1.5",
                "5:24: 'environment.PORT' in [programs.web] must be a string, not integer 8000",
            ],
            errors);
    }

    [Fact]
    public void A_key_and_its_alias_together_is_an_error()
    {
        var errors = ConfigText.Errors("""
            [programs.web]
            command = "sleep 1"
            cmd = "sleep 2"
            """);
        Assert.Equal(["3:1: 'cmd' is an alias of 'command' in [programs.web]: give only one of them"], errors);
    }

    [Fact]
    public void Numprocs_above_one_with_a_fixed_process_name_is_an_error()
    {
        var errors = ConfigText.Errors("""
            [programs.web]
            command = "sleep 1"
            numprocs = 2
            process_name = "web"
            """);
        Assert.Equal(["4:16: [programs.web] has numprocs = 2 but process_name \"web\" has no %(process_num): every process would get the same name"], errors);
    }

    [Fact]
    public void Duplicate_process_names_in_one_group_are_an_error()
    {
        var errors = ConfigText.Errors("""
            [programs.a]
            command = "sleep 1"
            process_name = "shared"
            [programs.b]
            command = "sleep 1"
            process_name = "shared"
            [groups.g]
            programs = ["a", "b"]
            """);
        Assert.Equal(["6:16: process name 'shared' of [programs.b] is already used in group 'g' by a process of [programs.a]"], errors);
    }

    [Fact]
    public void The_same_process_name_in_two_groups_is_two_processes()
    {
        var config = ConfigText.Valid("""
            [programs.a]
            command = "sleep 1"
            process_name = "shared"
            [programs.b]
            command = "sleep 1"
            process_name = "shared"
            """);
        Assert.Equal(["a:shared", "b:shared"], config.Processes.Select(p => p.FullName));
    }

    [Fact]
    public void A_dependency_cycle_is_named()
    {
        var errors = ConfigText.Errors("""
            [programs.a]
            command = "sleep 1"
            depends_on = ["b"]
            [programs.b]
            command = "sleep 1"
            depends_on = { c = "started" }
            [programs.c]
            command = "sleep 1"
            depends_on = ["a"]
            """);
        Assert.Equal(["9:15: dependency cycle: a -> b -> c -> a"], errors);
    }

    [Fact]
    public void Unknown_dependencies_and_healthy_without_a_check_are_errors()
    {
        var errors = ConfigText.Errors("""
            [programs.db]
            command = "sleep 1"
            [programs.web]
            command = "sleep 1"
            depends_on = { dbb = "started", db = "healthy", self = "done" }
            """);
        Assert.Equal(
            [
                "5:16: [programs.web] depends on unknown program 'dbb' (did you mean 'db'?)",
                "5:33: [programs.web] waits for 'db' to be healthy, but 'db' has no healthcheck",
                "5:56: invalid condition string \"done\" for dependency 'self' in [programs.web]: expected \"started\", \"healthy\" or \"completed\"",
            ],
            errors);
    }

    [Fact]
    public void Groups_must_name_known_programs_once()
    {
        var errors = ConfigText.Errors("""
            [programs.front]
            command = "sleep 1"
            [groups.web]
            programs = ["front", "bakend"]
            [groups.other]
            programs = ["front"]
            """);
        Assert.Equal(
            [
                "4:22: [groups.web] lists unknown program 'bakend'",
                "6:13: program 'front' is in two groups: 'web' and 'other'",
            ],
            errors);
    }

    [Fact]
    public void Health_check_keys_must_fit_the_check_type()
    {
        var errors = ConfigText.Errors("""
            [programs.web]
            command = "sleep 1"
            [programs.web.healthcheck]
            type = "tcp"
            url = "http://x/"
            """);
        Assert.Equal(
            [
                "3:1: [programs.web] healthcheck of type \"tcp\" needs 'port'",
                "5:1: 'url' in [programs.web] healthcheck belongs to http checks, but this check has type = \"tcp\"",
            ],
            errors);
    }

    [Fact]
    public void Unknown_expansions_and_unsplittable_commands_point_at_the_string()
    {
        var errors = ConfigText.Errors("""
            [programs.a]
            command = "sleep %(seconds)s"
            [programs.b]
            command = "echo 'unclosed"
            [programs.c]
            command = "echo %(ENV_NOPE)s"
            """);
        Assert.Equal(
            [
                "2:11: unknown expansion '%(seconds)': expected one of group_name, here, host_node_name, numprocs, process_name, process_num, program_name or ENV_<variable>",
                "4:11: can't parse command 'echo 'unclosed': No closing quotation",
                "6:11: '%(ENV_NOPE)s': environment variable NOPE is not set",
            ],
            errors);
    }

    [Fact]
    public void A_top_level_typo_suggests_the_section()
    {
        var errors = ConfigText.Errors("""
            [program.web]
            command = "sleep 1"
            """);
        Assert.Equal(["1:2: unknown key 'program' in the top level (did you mean 'programs'?)"], errors);
    }

    [Fact]
    public void A_toml_syntax_error_is_reported_with_its_position()
    {
        var result = ConfigText.Load("""
            [programs.web]
            command = "sleep 1
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "test.toml"), (error.Line, error.File));
        Assert.Null(result.Config);
    }

    [Fact]
    public void Stopasgroup_without_killasgroup_is_refused_as_supervisord_does()
    {
        var errors = ConfigText.Errors("""
            [programs.a]
            command = "sleep 1"
            stopasgroup = true
            killasgroup = false
            """);
        Assert.Equal(["3:1: [programs.a] sets stopasgroup = true and killasgroup = false: a group that gets the stop signal must also get SIGKILL"], errors);
    }
}
