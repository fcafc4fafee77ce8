using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Tests.Config;

public class ConfigBindingTests
{
    [Fact]
    public void Defaults_are_supervisords_where_supervisord_has_the_key()
    {
        var config = ConfigText.Valid("""
            [programs.web]
            command = "sleep 10"
            """);
        var web = Assert.Single(config.Programs);
        Assert.Equal(999, web.Priority);
        Assert.True(web.AutoStart);
        Assert.Equal(AutoRestart.Unexpected, web.AutoRestart);
        Assert.Equal([0], web.ExitCodes);
        Assert.Equal(TimeSpan.FromSeconds(1), web.StartSecs);
        Assert.Equal(3, web.StartRetries);
        Assert.Equal(15, web.StopSignal);
        Assert.Equal(TimeSpan.FromSeconds(10), web.StopWait);
        Assert.Equal(RestartBackoff.Supervisord, web.Backoff);
        var process = Assert.Single(web.Processes);
        Assert.Equal("web", process.Name);
        Assert.Equal("web", process.GroupName);
        Assert.Equal("web", process.FullName);
        Assert.Equal(["sleep", "10"], process.Command);
        Assert.Equal(LogTargetKind.Auto, process.Stdout.Kind);
        Assert.Equal(50L * 1024 * 1024, process.Stdout.MaxBytes);
        Assert.Equal(10, process.Stdout.Backups);
        Assert.Equal("/etc/app/logs", config.Supervisor.ChildLogDir);
        Assert.Equal("/etc/app/supervisor.pid", config.Supervisor.PidFile);
    }

    [Fact]
    public void Every_program_key_is_read()
    {
        var config = ConfigText.Valid("""
            [supervisor]
            environment = { TZ = "UTC", A = "supervisor" }
            umask = "027"
            loglevel = "debug"
            socket = "run/sv.sock"

            [programs.web]
            command = ["python3", "-m", "http.server", "%(ENV_PORT)s"]
            directory = "srv"
            environment = { A = "program", PORT = "%(ENV_PORT)s" }
            autostart = false
            autorestart = true
            exitcodes = [0, 2]
            startsecs = "500ms"
            startretries = 5
            stopsignal = "SIGINT"
            stopwaitsecs = 3
            priority = 5
            user = "www-data"
            umask = "002"
            stdout_logfile = "logs/web.log"
            stdout_logfile_maxbytes = "1MB"
            stdout_logfile_backups = 2
            stderr_logfile = "NONE"
            backoff_initial = "2s"
            backoff_multiplier = 2
            backoff_max = "1m"
            max_restarts = 10
            description = "public web front"
            """);
        var web = Assert.Single(config.Programs);
        Assert.False(web.AutoStart);
        Assert.Equal(AutoRestart.Always, web.AutoRestart);
        Assert.Equal([0, 2], web.ExitCodes);
        Assert.Equal(TimeSpan.FromMilliseconds(500), web.StartSecs);
        Assert.Equal(5, web.StartRetries);
        Assert.Equal(2, web.StopSignal);
        Assert.Equal(TimeSpan.FromSeconds(3), web.StopWait);
        Assert.Equal(5, web.Priority);
        Assert.Equal("www-data", web.User);
        Assert.Equal(Convert.ToInt32("002", 8), web.Umask);
        Assert.Equal(new RestartBackoff(TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1), 10), web.Backoff);
        Assert.Equal("public web front", web.Description);

        var process = Assert.Single(web.Processes);
        Assert.Equal(["python3", "-m", "http.server", "8080"], process.Command);
        Assert.Equal("/etc/app/srv", process.Directory);
        Assert.Equal("program", process.Environment["A"]);
        Assert.Equal("UTC", process.Environment["TZ"]);
        Assert.Equal("8080", process.Environment["PORT"]);
        Assert.Equal(new LogTarget(LogTargetKind.File, "/etc/app/logs/web.log", 1024 * 1024, 2), process.Stdout);
        Assert.Equal(LogTargetKind.None, process.Stderr.Kind);

        Assert.Equal(Convert.ToInt32("027", 8), config.Supervisor.Umask);
        Assert.Equal(LogLevel.Debug, config.Supervisor.LogLevel);
        Assert.Equal("/etc/app/run/sv.sock", config.Supervisor.Socket);
    }

    [Fact]
    public void The_seeds_aliases_mean_the_same_keys()
    {
        var config = ConfigText.Valid("""
            [programs.a]
            cmd = "sleep 1"
            workingdir = "/tmp"
            env = { X = "1" }
            stdout = "out.log"
            stderr = "err.log"
            stdout_maxbytes = "2KB"
            stdout_backups = 1
            stderr_maxbytes = 0
            stderr_backups = 0
            """);
        var process = Assert.Single(config.Processes);
        Assert.Equal(["sleep", "1"], process.Command);
        Assert.Equal("/tmp", process.Directory);
        Assert.Equal("1", process.Environment["X"]);
        Assert.Equal(new LogTarget(LogTargetKind.File, "/etc/app/out.log", 2048, 1), process.Stdout);
        Assert.Equal(new LogTarget(LogTargetKind.File, "/etc/app/err.log", 0, 0), process.Stderr);
    }

    [Fact]
    public void Stopsignal_takes_a_number_as_an_integer_or_a_string()
    {
        var config = ConfigText.Valid("""
            [programs.a]
            command = "sleep 1"
            stopsignal = 9
            [programs.b]
            command = "sleep 1"
            stopsignal = "34"
            """);
        Assert.Equal([9, 34], config.Programs.Select(p => p.StopSignal));
    }

    [Fact]
    public void Numprocs_expands_names_numbers_and_log_paths()
    {
        var config = ConfigText.Valid("""
            [programs.prog]
            command = "/bin/echo I am %(process_num)d %(program_name)s %(group_name)s"
            numprocs = 3
            numprocs_start = 1
            stdout_logfile = "logs/%(process_name)s.log"
            """);
        var processes = config.Processes.ToList();
        Assert.Equal(["prog_01", "prog_02", "prog_03"], processes.Select(p => p.Name));
        Assert.Equal(["prog:prog_01", "prog:prog_02", "prog:prog_03"], processes.Select(p => p.FullName));
        Assert.Equal(["/bin/echo", "I", "am", "2", "prog", "prog"], processes[1].Command);
        Assert.Equal("/etc/app/logs/prog_03.log", processes[2].Stdout.Path);
        Assert.Equal([1, 2, 3], processes.Select(p => p.ProcessNum));
    }

    [Fact]
    public void Groups_name_their_processes_group_colon_process()
    {
        var config = ConfigText.Valid("""
            [programs.front]
            command = "sleep 1"
            [programs.api]
            command = "sleep 1"
            [programs.solo]
            command = "sleep 1"
            [groups.web]
            programs = ["front", "api"]
            priority = 50
            """);
        Assert.Equal(["web:front", "web:api", "solo"], config.Processes.Select(p => p.FullName));
        Assert.Equal(new GroupConfig("web", new(["front", "api"]), 50), Assert.Single(config.Groups));
    }

    [Fact]
    public void Relative_paths_resolve_against_the_config_folder()
    {
        var config = ConfigText.Valid("""
            [programs.local]
            command = "./bin/server --port 1"
            [programs.inside]
            command = "./run.sh"
            directory = "/srv/app"
            [programs.onpath]
            command = "python3 x.py"
            """);
        var commands = config.Processes.Select(p => p.Command[0]).ToList();
        Assert.Equal(["/etc/app/bin/server", "/srv/app/run.sh", "python3"], commands);
    }

    [Fact]
    public void Health_checks_limits_and_dependencies_are_read()
    {
        var config = ConfigText.Valid("""
            [programs.db]
            command = "sleep 1"
            [programs.db.healthcheck]
            type = "tcp"
            port = 5432
            interval = "5s"

            [programs.web]
            command = "sleep 1"
            depends_on = { db = "healthy" }
            [[programs.web.healthcheck]]
            type = "http"
            url = "http://127.0.0.1:%(ENV_PORT)s/health"
            expected_body = "ok"
            [[programs.web.healthcheck]]
            type = "heartbeat"
            timeout = "20s"
            [programs.web.limits]
            max_memory = "1GB"
            max_cpu_percent = 80
            on_limit = "restart"
            """);
        var db = config.Processes.First(p => p.Name == "db");
        var tcp = Assert.Single(db.HealthChecks);
        Assert.Equal((HealthCheckType.Tcp, "127.0.0.1", 5432, TimeSpan.FromSeconds(5)), (tcp.Type, tcp.Host, tcp.Port, tcp.Interval));

        var web = config.Programs.First(p => p.Name == "web");
        Assert.Equal([new Dependency("db", DependencyCondition.Healthy)], web.DependsOn);
        Assert.Equal(new ResourceLimits(1024L * 1024 * 1024, 80, LimitAction.Restart), web.Limits);
        var checks = web.Processes[0].HealthChecks;
        Assert.Equal("http://127.0.0.1:8080/health", checks[0].Url);
        Assert.Equal("/etc/app/logs/web.heartbeat", checks[1].File);
        Assert.Equal(TimeSpan.FromSeconds(20), checks[1].Timeout);
    }

    [Fact]
    public void Unchanged_text_binds_to_equal_configs_and_any_option_change_differs()
    {
        const string text = """
            [programs.a]
            command = "sleep 1"
            environment = { X = "1" }
            exitcodes = [0, 2]
            """;
        Assert.Equal(ConfigText.Valid(text), ConfigText.Valid(text));
        var changed = ConfigText.Valid(text.Replace("X = \"1\"", "X = \"2\"", StringComparison.Ordinal));
        Assert.NotEqual(ConfigText.Valid(text).Programs[0], changed.Programs[0]);
    }
}
