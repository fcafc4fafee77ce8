using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Tests.Config.Ini;

/// <summary>supervisord 4.2's INI dialect, detail by detail (Python ConfigParser as supervisord configures it).</summary>
public sealed class IniDialectTests : IDisposable
{
    private readonly IniText _ini = new();

    public void Dispose() => _ini.Dispose();

    [Fact]
    public void Semicolon_and_hash_start_comments_inline_only_after_whitespace()
    {
        var config = _ini.Valid("""
            ; full-line comment
            # another
            [supervisord]
            [program:nginx]
            command=nginx -g 'daemon off;'#no-space;before ;a comment
            priority=30  # start after the database
            startsecs=2	; a tab counts as whitespace
            """);
        var nginx = IniText.Program(config, "nginx");
        Assert.Equal("nginx -g 'daemon off;'#no-space;before", nginx.Processes[0].CommandText);
        Assert.Equal(["nginx", "-g", "daemon off;#no-space;before"], nginx.Processes[0].Command);
        Assert.Equal((30, TimeSpan.FromSeconds(2)), (nginx.Priority, nginx.StartSecs));
    }

    [Fact]
    public void Continuation_lines_join_with_newlines_and_a_line_at_column_0_is_a_new_key()
    {
        var config = _ini.Valid("""
            [supervisord]
            [program:web]
            command=/usr/bin/server
                --port 80   ; the port
              --verbose
            Priority: 5
            """);
        var web = IniText.Program(config, "web");
        Assert.Equal("/usr/bin/server\n--port 80\n--verbose", web.Processes[0].CommandText);
        Assert.Equal(["/usr/bin/server", "--port", "80", "--verbose"], web.Processes[0].Command);
        Assert.Equal(5, web.Priority);
    }

    [Fact]
    public void A_line_that_is_no_key_no_section_and_no_continuation_is_an_error_with_its_line()
    {
        var errors = _ini.Errors("""
            [supervisord]
            [program:web]
            command=/usr/bin/server
            just some words
            """);
        Assert.Equal(["sv.conf:4:1: cannot read 'just some words': it is not a key = value, a [section] or an indented continuation"], errors);
    }

    [Fact]
    public void A_key_before_any_section_is_an_error()
    {
        Assert.Equal(["sv.conf:1:1: the file starts without a [section] header: every key must follow one, e.g. [program:web]"], _ini.Errors("command=x\n[supervisord]\n"));
    }

    [Fact]
    public void Repeated_keys_and_sections_merge_with_the_later_value_winning()
    {
        var config = _ini.Valid("""
            [supervisord]
            [program:web]
            command=/bin/a
            priority=1
            [program:web]
            command=/bin/b
            """);
        var web = IniText.Program(config, "web");
        Assert.Equal(("/bin/b", 1), (web.Processes[0].CommandText, web.Priority));
    }

    [Fact]
    public void Keys_of_the_DEFAULT_section_are_inherited_by_every_section()
    {
        var config = _ini.Valid("[DEFAULT]\nautostart=false\n[supervisord]\n[program:a]\ncommand=/bin/a\n[program:b]\ncommand=/bin/b\nautostart=true\n");
        Assert.Equal([("a", false), ("b", true)], config.Programs.Select(p => (p.Name, p.AutoStart)));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    public void Booleans_are_supervisords_words_in_any_case(string word, bool expected)
    {
        var config = _ini.Valid($"[supervisord]\n[program:a]\ncommand=/bin/true\nautostart={word}\n");
        Assert.Equal(expected, IniText.Program(config, "a").AutoStart);
    }

    [Fact]
    public void A_bad_boolean_integer_size_signal_or_exit_code_list_is_an_error_at_its_value()
    {
        var errors = _ini.Errors("""
            [supervisord]
            [program:a]
            command=/bin/true
            autostart=maybe
            startsecs=1.5
            stdout_logfile_maxbytes=50 megs
            stopsignal=SIGNOPE
            exitcodes=0,256
            """);
        Assert.Equal(
            [
                "sv.conf:4:11: 'autostart' in [program:a]: 'maybe' is not a boolean (true, false, yes, no, on, off, 1 or 0)",
                "sv.conf:5:11: 'startsecs' in [program:a]: '1.5' is not an integer",
                "sv.conf:6:25: 'stdout_logfile_maxbytes' in [program:a]: '50 megs' is not a size (bytes, or a number with KB, MB or GB)",
                "sv.conf:7:12: 'stopsignal' in [program:a]: 'SIGNOPE' is not a signal name such as TERM, INT, QUIT, HUP, KILL, USR1 or USR2",
                "sv.conf:8:11: 'exitcodes' in [program:a]: '0,256' is not a list of exit codes 0-255 separated by commas, e.g. 0,2",
            ],
            errors);
    }

    [Fact]
    public void Sizes_durations_signals_and_exit_codes_read_as_supervisord_reads_them()
    {
        var config = _ini.Valid("""
            [supervisord]
            logfile_maxbytes=1GB
            [program:a]
            command=/bin/true
            stdout_logfile_maxbytes=50MB
            stderr_logfile_maxbytes=10kb
            startsecs=7
            stopwaitsecs=30
            stopsignal=SIGQUIT
            exitcodes=0, 2
            autorestart=unexpected
            [program:b]
            command=/bin/true
            stopsignal=kill
            autorestart=true
            [program:c]
            command=/bin/true
            stopsignal=1
            autorestart=false
            """);
        var a = IniText.Program(config, "a");
        Assert.Equal(1024L * 1024 * 1024, config.Supervisor.LogFileMaxBytes);
        Assert.Equal((50L * 1024 * 1024, 10L * 1024), (a.Processes[0].Stdout.MaxBytes, a.Processes[0].Stderr.MaxBytes));
        Assert.Equal((TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30), 3), (a.StartSecs, a.StopWait, a.StopSignal));
        Assert.Equal([0, 2], a.ExitCodes);
        Assert.Equal(
            [(AutoRestart.Unexpected, 3), (AutoRestart.Always, 9), (AutoRestart.Never, 1)],
            config.Programs.Select(p => (p.AutoRestart, p.StopSignal)));
    }

    [Fact]
    public void Environment_values_may_be_quoted_and_hold_commas_and_unquoted_values_are_cut_as_supervisord_cuts_them()
    {
        var config = _ini.Valid("""
            [supervisord]
            environment=TZ="UTC",LANG=C.UTF-8
            [program:a]
            command=/bin/true
            environment=A="x, y = z",B='single',C=1, E=$HOME
            [program:b]
            command=/bin/true
            environment=D=a b
            """);
        var environment = IniText.Program(config, "a").Processes[0].Environment;
        Assert.Equal(
            [("A", "x, y = z"), ("B", "single"), ("C", "1"), ("E", "$"), ("LANG", "C.UTF-8"), ("TZ", "UTC")],
            environment.Select(e => (e.Key, e.Value)));
        Assert.Equal("a", IniText.Program(config, "b").Processes[0].Environment["D"]);
    }

    [Fact]
    public void An_environment_value_supervisord_cannot_read_is_an_error()
    {
        var errors = _ini.Errors("[supervisord]\n[program:a]\ncommand=/bin/true\nenvironment=A=x@y\n");
        Assert.Single(errors);
        Assert.StartsWith("sv.conf:4:13: 'environment' in [program:a]: cannot read KEY=value pairs from 'A=x@y'", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Numprocs_names_each_process_from_process_num_with_its_printf_width()
    {
        var config = _ini.Valid("""
            [supervisord]
            [program:worker]
            command=/bin/worker --id %(process_num)d --of %(numprocs)d
            numprocs=3
            numprocs_start=8
            process_name=%(program_name)s_%(process_num)02d
            """);
        Assert.Equal(["worker:worker_08", "worker:worker_09", "worker:worker_10"], config.Processes.Select(p => p.FullName));
        Assert.Equal("/bin/worker --id 10 --of 3", IniText.Process(config, "worker:worker_10").CommandText);
    }

    [Fact]
    public void Numprocs_without_process_num_in_the_name_is_rejected_as_supervisord_rejects_it()
    {
        var errors = _ini.Errors("[supervisord]\n[program:w]\ncommand=/bin/true\nnumprocs=2\n");
        Assert.Equal(["sv.conf:4:1: [program:w] has numprocs = 2 but its process_name has no %(process_num): every process would get the same name, e.g. process_name = %(program_name)s_%(process_num)02d"], errors);
    }

    [Fact]
    public void Expansions_see_the_environment_here_the_host_the_group_and_the_configs_own_variables()
    {
        var config = _ini.Valid("""
            [supervisord]
            environment=ROOT="/srv/app"
            [group:site]
            programs=web
            [program:web]
            environment=PORT="9000"
            command=/bin/echo %(ENV_HOME)s %(ENV_ROOT)s %(ENV_PORT)s %(here)s %(host_node_name)s %(group_name)s %(program_name)s 100%%
            """);
        var web = IniText.Process(config, "site:web");
        Assert.Equal($"/bin/echo /home/op /srv/app 9000 {_ini.Folder} testhost site web 100%", web.CommandText);
    }

    [Fact]
    public void A_percent_that_is_no_expansion_is_rejected_and_an_unknown_name_is_named()
    {
        var errors = _ini.Errors("""
            [supervisord]
            [program:a]
            command=date +%T
            [program:b]
            command=/bin/echo %(ENV_NOPE)s
            """);
        Assert.Equal(
            [
                "sv.conf:3:9: 'command' in [program:a]: '%T' at character 7 is not an expansion: write '%%' for a percent sign, or '%(name)s'",
                "sv.conf:5:9: 'command' in [program:b]: '%(ENV_NOPE)s': environment variable NOPE is not set",
            ],
            errors);
    }

    [Fact]
    public void Include_reads_sorted_glob_matches_of_several_patterns_relative_to_the_including_file()
    {
        _ini.Write("conf.d/b.conf", "[program:b]\ncommand=/bin/b %(here)s\n");
        _ini.Write("conf.d/a.conf", "[program:a]\ncommand=/bin/a\n[program:shared]\ncommand=/bin/first\n");
        _ini.Write("extra/z.ini", "[program:shared]\ncommand=/bin/last\n");
        var result = _ini.Load("""
            [supervisord]
            [include]
            files = conf.d/*.conf extra/?.ini missing/*.conf
            """);
        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(["a", "shared", "b"], result.Config.Programs.Select(p => p.Name));
        Assert.Equal("/bin/last", IniText.Process(result.Config, "shared").CommandText);
        Assert.Equal($"/bin/b {Path.Combine(_ini.Folder, "conf.d")}", IniText.Process(result.Config, "b").CommandText);
        Assert.Equal([$"sv.conf:3:9: warning: no file matches the include pattern \"{Path.Combine(_ini.Folder, "missing/*.conf")}\""], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void An_include_without_files_and_a_config_without_supervisord_are_rejected()
    {
        Assert.Equal(["sv.conf:2:1: [include] has no 'files' key: name the files to include, e.g. files = conf.d/*.conf"], _ini.Errors("[supervisord]\n[include]\n"));
        Assert.Equal(["sv.conf: there is no [supervisord] section, so supervisord refuses this file as its config: add one (it may be empty), or [include] this file from a main config"], _ini.Errors("[program:a]\ncommand=/bin/true\n"));
    }

    [Fact]
    public void Sections_and_keys_the_engine_does_not_implement_are_warnings_with_file_and_line()
    {
        var warnings = _ini.Warnings("""
            [unix_http_server]
            file=/tmp/supervisor.sock
            [inet_http_server]
            port=9001
            [supervisorctl]
            [rpcinterface:supervisor]
            supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
            [supervisord]
            minfds=2048
            [program:a]
            command=/bin/true
            stdout_events_enabled=true
            autostrat=false
            [fcgi-program:php]
            command=/usr/bin/php-cgi
            socket=tcp://127.0.0.1:9000
            [eventlistener:mail]
            command=/usr/bin/crashmail
            events=PROCESS_STATE
            [somethingelse]
            """);
        Assert.Equal(
            [
                "sv.conf:1:1: warning: [unix_http_server] is ignored: tuisupervisor's control socket replaces it ('tuisupervisor ctl', 'attach'); its file, chmod and chown are not used",
                "sv.conf:3:1: warning: [inet_http_server] is ignored: there is no HTTP server; use 'tuisupervisor ctl' or 'attach', which talk over tuisupervisor's own control socket",
                "sv.conf:5:1: warning: [supervisorctl] is ignored: use 'tuisupervisor ctl' instead of supervisorctl; these settings are not used",
                "sv.conf:6:1: warning: [rpcinterface:supervisor] is ignored: there is no XML-RPC interface; plugins are not loaded",
                "sv.conf:9:1: warning: 'minfds' in [supervisord]: not implemented by tuisupervisor; it has no effect",
                "sv.conf:12:1: warning: 'stdout_events_enabled' in [program:a]: event listeners are not implemented: no events are sent",
                "sv.conf:13:1: warning: unknown key 'autostrat' in [program:a] is ignored (did you mean 'autostart'?)",
                "sv.conf:14:1: warning: [fcgi-program:php] is ignored: FastCGI programs are not implemented; it does not run",
                "sv.conf:17:1: warning: [eventlistener:mail] is ignored: event listeners are not implemented; it does not run",
                "sv.conf:20:1: warning: [somethingelse] is ignored: supervisord does not know this section either",
            ],
            warnings);
    }

    [Fact]
    public void Rejections_supervisord_makes_are_made_in_our_words()
    {
        var errors = _ini.Errors("""
            [supervisord]
            [program:a]
            command=/bin/true
            stopasgroup=true
            killasgroup=false
            [program:b]
            priority=3
            [group:g]
            programs=a,nope
            [eventlistener:x]
            command=/bin/true
            """);
        Assert.Equal(
            [
                "sv.conf:5:1: [program:a] sets stopasgroup = true and killasgroup = false: a group that gets the stop signal must also get SIGKILL",
                "sv.conf:6:1: [program:b] has no 'command': give the program to run, e.g. command=/usr/bin/sleep 10",
                "sv.conf:9:10: [group:g] names 'nope', but there is no [program:nope] or [fcgi-program:nope]",
                "sv.conf:10:1: [eventlistener:x] has no 'events': supervisord requires the events an event listener subscribes to",
            ],
            errors);
    }

    [Fact]
    public void Defaults_are_supervisords_except_stopping_the_whole_process_group()
    {
        var config = _ini.Valid("[supervisord]\n[program:a]\ncommand=/bin/true\n[program:b]\ncommand=/bin/true\nstopasgroup=false\n");
        var a = IniText.Program(config, "a");
        Assert.Equal((999, true, AutoRestart.Unexpected, TimeSpan.FromSeconds(1), 3, 15, TimeSpan.FromSeconds(10)), (a.Priority, a.AutoStart, a.AutoRestart, a.StartSecs, a.StartRetries, a.StopSignal, a.StopWait));
        Assert.Equal((true, true), (a.StopAsGroup, a.KillAsGroup));
        Assert.Equal((false, false), (IniText.Program(config, "b").StopAsGroup, IniText.Program(config, "b").KillAsGroup));
        Assert.Equal((LogTargetKind.Auto, Path.GetTempPath().TrimEnd('/')), (a.Processes[0].Stdout.Kind, config.Supervisor.ChildLogDir));
        Assert.Equal(Path.Combine(_ini.Folder, "supervisord.pid"), config.Supervisor.PidFile);
    }

    [Fact]
    public void Redirected_stderr_with_its_own_log_file_is_a_warning_and_the_file_is_not_used()
    {
        var result = _ini.Load("[supervisord]\n[program:a]\ncommand=/bin/true\nredirect_stderr=true\nstderr_logfile=/var/log/a.err\n");
        Assert.Equal(LogTargetKind.None, result.Config!.Processes.Single().Stderr.Kind);
        Assert.Equal(["sv.conf:5:1: warning: 'stderr_logfile' in [program:a]: ignored because redirect_stderr = true: stderr goes to the stdout log"], result.Diagnostics.Select(d => d.ToString()));
    }
}
