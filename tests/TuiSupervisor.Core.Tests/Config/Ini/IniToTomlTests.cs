using System.Text;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Ini;

namespace TuiSupervisor.Core.Tests.Config.Ini;

/// <summary><c>convert</c>'s details: what the TOML says, and that it means what the INI config means.</summary>
public sealed class IniToTomlTests : IDisposable
{
    private readonly IniText _ini = new();

    public void Dispose() => _ini.Dispose();

    private string Convert(string ini, string? outputDirectory)
    {
        var path = _ini.Write("sv.conf", ini);
        var result = IniConversion.Convert(path, "sv.conf", outputDirectory, Context(_ini.Folder), IniGlob.Match);
        Assert.True(result.Toml is not null, string.Join("\n", result.Diagnostics));
        return result.Toml;
    }

    private BindingContext Context(string folder) => new(folder, _ini.Environment, "testhost");

    private SupervisorConfig LoadToml(string toml, string folder)
    {
        var result = ConfigLoader.LoadToml(Encoding.UTF8.GetBytes(toml), "out.toml", Context(folder));
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics) + "\n" + toml);
        return result.Config!;
    }

    [Fact]
    public void Comments_stay_with_their_section_and_key_and_what_is_not_carried_over_says_so()
    {
        var toml = Convert("""
            ; the web front
            [program:web]
            ; what runs
            command=/usr/bin/server   ; the binary
            stdout_events_enabled=true
            [supervisord]
            [inet_http_server]
            port=127.0.0.1:9001
            ; trailing words
            """, _ini.Folder);
        Assert.Equal(
            """
            # Converted from the supervisord config sv.conf by 'tuisupervisor convert'.
            # Comments starting with 'not carried over' mark what tuisupervisor does not implement.

            # the web front
            [programs.web]
            # what runs
            command = "/usr/bin/server"  # the binary
            # not carried over: stdout_events_enabled = true: event listeners are not implemented

            [supervisor]
            logfile = "supervisord.log"  # supervisord's default
            pidfile = "supervisord.pid"  # supervisord's default
            childlogdir = "/tmp"  # supervisord's default

            # not carried over: [inet_http_server]: tuisupervisor's own control socket replaces it ('tuisupervisor ctl', 'attach')
            # port = 127.0.0.1:9001

            # trailing words

            """.Replace("\"supervisord.log\"", $"\"{Path.Combine(_ini.Folder, "supervisord.log")}\"", StringComparison.Ordinal)
               .Replace("\"supervisord.pid\"", $"\"{Path.Combine(_ini.Folder, "supervisord.pid")}\"", StringComparison.Ordinal)
               .Replace("\"/tmp\"", $"\"{Path.GetTempPath().TrimEnd('/')}\"", StringComparison.Ordinal),
            toml);
    }

    [Fact]
    public void Variables_the_config_sets_are_written_out_and_the_engines_own_stay_expansions()
    {
        var toml = Convert("""
            [supervisord]
            environment=ROOT="/srv/app"
            [program:web]
            environment=PORT="9000",WORKER="%(program_name)s-%(process_num)d"
            command=%(ENV_ROOT)s/bin/web --port %(ENV_PORT)s --home %(ENV_HOME)s
            autostart=%(ENV_START)s
            """.Replace("%(ENV_START)s", "true", StringComparison.Ordinal), _ini.Folder);
        Assert.Contains("environment = { ROOT = \"/srv/app\" }\n", toml, StringComparison.Ordinal);
        Assert.Contains("environment = { PORT = \"9000\", WORKER = \"%(program_name)s-%(process_num)d\" }\n", toml, StringComparison.Ordinal);
        Assert.Contains("command = \"/srv/app/bin/web --port 9000 --home %(ENV_HOME)s\"\n", toml, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_values_written_with_expansions_are_converted_as_read_and_say_what_was_written()
    {
        _ini.Environment["WORKERS"] = "4";
        var toml = Convert("[supervisord]\n[program:w]\ncommand=/bin/w\nnumprocs=%(ENV_WORKERS)s\nprocess_name=w%(process_num)d\n", _ini.Folder);
        Assert.Contains("numprocs = 4\n# supervisord: numprocs=%(ENV_WORKERS)s (expanded when converted)\n", toml, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_elsewhere_relative_paths_and_here_become_absolute_and_mean_the_same()
    {
        const string Ini = """
            [supervisord]
            logfile=logs/sv.log
            childlogdir=%(here)s/logs
            [program:web]
            command=bin/web --flag
            stdout_logfile=logs/web.log
            [program:api]
            command=bin/api
            directory=srv
            """;
        var elsewhere = Path.Combine(_ini.Folder, "elsewhere");
        var toml = Convert(Ini, elsewhere);
        Assert.Contains($"logfile = \"{_ini.Folder}/logs/sv.log\"\n", toml, StringComparison.Ordinal);
        Assert.Contains($"childlogdir = \"{_ini.Folder}/logs\"\n", toml, StringComparison.Ordinal);
        Assert.Contains($"command = \"{_ini.Folder}/bin/web --flag\"\n", toml, StringComparison.Ordinal);
        Assert.Contains("command = \"bin/api\"\n", toml, StringComparison.Ordinal);
        Assert.Contains($"directory = \"{_ini.Folder}/srv\"\n", toml, StringComparison.Ordinal);

        var fromIni = _ini.Valid(Ini);
        var fromToml = LoadToml(toml, elsewhere);
        Assert.Equal(fromIni.Supervisor, fromToml.Supervisor);
        Assert.Equal(fromIni.Processes.Select(p => (p.Command, p.Directory, p.Stdout)), fromToml.Processes.Select(p => (p.Command, p.Directory, p.Stdout)));
    }

    [Fact]
    public void Beside_the_INI_file_paths_stay_as_written()
    {
        var toml = Convert("[supervisord]\nlogfile=%(here)s/sv.log\n[program:web]\ncommand=bin/web\n", _ini.Folder);
        Assert.Contains("logfile = \"%(here)s/sv.log\"\n", toml, StringComparison.Ordinal);
        Assert.Contains("command = \"bin/web\"\n", toml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_supervisord_cuts_short_is_converted_as_read_with_a_warning_comment()
    {
        var toml = Convert("[supervisord]\n[program:a]\ncommand=/bin/a\nenvironment=A=a b\n", _ini.Folder);
        Assert.Contains("environment = { A = \"a\" }\n# supervisord cuts unquoted values", toml, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_become_groups_tables_and_a_redirected_stderr_file_is_left_out()
    {
        var toml = Convert("""
            [supervisord]
            [program:a]
            command=/bin/a
            redirect_stderr=true
            stderr_logfile=/var/log/a.err
            [group:g]
            programs=a
            priority=5
            """, _ini.Folder);
        Assert.Contains("[groups.g]\nprograms = [\"a\"]\npriority = 5\n", toml, StringComparison.Ordinal);
        Assert.Contains("# not carried over: stderr_logfile = /var/log/a.err: redirect_stderr = true sends stderr to the stdout log", toml, StringComparison.Ordinal);
        Assert.Equal(["g:a"], LoadToml(toml, _ini.Folder).Processes.Select(p => p.FullName));
    }

    [Fact]
    public void A_program_without_processes_is_left_out_with_a_comment()
    {
        var toml = Convert("[supervisord]\n[program:none]\ncommand=/bin/a\nnumprocs=0\n[program:one]\ncommand=/bin/b\n", _ini.Folder);
        Assert.Contains("# not carried over: [program:none]: numprocs = 0 gives it no processes\n# command = /bin/a\n# numprocs = 0\n", toml, StringComparison.Ordinal);
        Assert.Equal(["one"], LoadToml(toml, _ini.Folder).Programs.Select(p => p.Name));
    }

    [Fact]
    public void A_main_file_its_own_include_pattern_matches_keeps_its_comments_once()
    {
        var toml = Convert("[supervisord]\n; runs a\n[program:a]\n; the command\ncommand=/bin/a ; inline\n[include]\nfiles=*.conf\n", _ini.Folder);
        Assert.Contains("# runs a\n[programs.a]\n# the command\ncommand = \"/bin/a\"  # inline\n", toml, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(toml, "runs a"));
    }

    [Fact]
    public void A_config_with_errors_gives_no_TOML()
    {
        var path = _ini.Write("sv.conf", "[program:a]\ncommand=/bin/a\n");
        var result = IniConversion.Convert(path, "sv.conf", _ini.Folder, Context(_ini.Folder), IniGlob.Match);
        Assert.Null(result.Toml);
        Assert.Contains("there is no [supervisord] section", result.Diagnostics.Single().Message, StringComparison.Ordinal);
    }
}
