using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TuiSupervisor.Tests;

/// <summary><c>tuisupervisor ctl</c> end to end: the real executable against a real headless engine.</summary>
public partial class CtlTests
{
    private const string Config = """
        [supervisor]
        socket = "run/engine.sock"
        [programs.sleeper]
        command = "sleep 1000"
        startsecs = 0
        [programs.talker]
        command = ["sh", "-c", "echo url=$SUPERVISOR_SERVER_URL; i=0; while true; do echo line $i; i=$((i+1)); sleep 0.05; done"]
        startsecs = 0
        [programs.idle]
        command = "sleep 1000"
        autostart = false
        """;

    [Fact]
    public void Ctl_prints_what_the_shell_prints_with_supervisorctls_exit_codes()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status", s => Lines(s) == 3 && Regex.Count(s, "RUNNING") == 2);

        var status = Ctl(dir, "status");
        Assert.Equal(3, status.ExitCode);
        Assert.Matches(@"^idle {29}STOPPED   Not started\nsleeper {26}RUNNING   pid \d+, uptime 0:00:\d\d\ntalker {27}RUNNING   pid \d+, uptime 0:00:\d\d\n$", status.Stdout);
        Assert.Equal(0, Ctl(dir, "status", "sleeper").ExitCode);
        Assert.Equal(new Product.Result(4, "nosuch: ERROR (no such process)\n", ""), Ctl(dir, "status", "nosuch"));
        Assert.Equal(new Product.Result(0, "idle: started\n", ""), Ctl(dir, "start", "idle"));
        Assert.Equal(new Product.Result(0, "idle: ERROR (already started)\n", ""), Ctl(dir, "start", "idle"));
        Assert.Equal(new Product.Result(1, "nosuch: ERROR (no such process)\n", ""), Ctl(dir, "stop", "nosuch"));
        Assert.Equal(new Product.Result(1, "*** Unknown syntax: frobnicate\n", ""), Ctl(dir, "frobnicate"));
        Assert.Equal(new Product.Result(0, session.Pid.ToString(CultureInfo.InvariantCulture) + "\n", ""), Ctl(dir, "pid"));

        // The same line in the shell prints the same text.
        foreach (var line in new[] { "help", "help tail", "reread", "stop idle" })
        {
            var viaCtl = line == "stop idle" ? "idle: stopped\n" : Ctl(dir, line.Split(' ')).Stdout;
            Assert.Equal(viaCtl, session.Poll(line, s => Lines(s) == Lines(viaCtl)));
        }

        Assert.StartsWith("url=unix://" + Path.Combine(dir.Path, "run", "engine.sock") + "\n", Ctl(dir, "tail", "-n", "1000", "talker").Stdout, StringComparison.Ordinal);
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void Json_gives_the_status_array_and_each_reply_as_sent()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status", s => Lines(s) == 3 && Regex.Count(s, "RUNNING") == 2);

        var status = Ctl(dir, "--json", "status", "idle", "sleeper");
        Assert.Equal(3, status.ExitCode);
        using var array = JsonDocument.Parse(status.Stdout);
        var processes = array.RootElement.EnumerateArray().ToList();
        Assert.Equal(["idle", "sleeper"], processes.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("STOPPED", processes[0].GetProperty("state").GetString());
        Assert.Equal("Not started", processes[0].GetProperty("description").GetString());
        Assert.Equal("RUNNING", processes[1].GetProperty("state").GetString());
        Assert.True(processes[1].GetProperty("pid").GetInt32() > 0);

        // The resource sample (every ~2 s) of a running process's group, as in the TUI.
        var sampled = "";
        Poll(() => (sampled = Ctl(dir, "--json", "status", "sleeper", "idle").Stdout).Contains("\"cpuPercent\"", StringComparison.Ordinal), "sleeper's resource sample");
        using (var withUsage = JsonDocument.Parse(sampled))
        {
            var (sleeper, idle) = (withUsage.RootElement[0], withUsage.RootElement[1]);
            Assert.True(sleeper.GetProperty("rssBytes").GetInt64() > 0);
            Assert.True(sleeper.GetProperty("cpuPercent").GetDouble() >= 0);
            Assert.False(idle.TryGetProperty("rssBytes", out _));
        }

        var unknown = Ctl(dir, "--json", "status", "nosuch");
        Assert.Equal(new Product.Result(4, "[]\n", "nosuch: ERROR (no such process)\n"), unknown);
        Assert.Equal(new Product.Result(0, "{\"type\":\"result\",\"v\":1,\"lines\":[\"idle: started\"],\"exit\":0}\n", ""), Ctl(dir, "--json", "start", "idle"));
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void No_engine_answering_is_exit_4_naming_the_socket_tried()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        var socket = Path.Combine(dir.Path, "run", "engine.sock");

        var fromConfig = Ctl(dir, "status");
        Assert.Equal(4, fromConfig.ExitCode);
        Assert.Equal($"tuisupervisor ctl: no engine answers at {socket} (no such socket: is the engine running, with this config?)\n", fromConfig.Stderr);

        var named = Product.Run(dir.Path, "ctl", "-s", "elsewhere.sock", "stop", "all");
        Assert.Equal(4, named.ExitCode);
        Assert.Contains("no engine answers at elsewhere.sock", named.Stderr, StringComparison.Ordinal);

        var notASocket = Product.Run(dir.Path, "ctl", "-s", "s.toml", "status");
        Assert.Equal(new Product.Result(4, "", "tuisupervisor ctl: no engine answers at s.toml (it is a file, not a socket: name the engine's socket, or its config with -c)\n"), notASocket);
    }

    [Fact]
    public void Ctl_reaches_the_engine_when_its_copy_of_the_config_has_errors_and_reload_shows_the_engines_errors()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status", s => Lines(s) == 3 && Regex.Count(s, "RUNNING") == 2);

        dir.Write("s.toml", Config + "\n[programs.broken]\ncommand = \"sleep 1\"\nautostart = \"maybe\"\n");
        Assert.Equal(new Product.Result(0, session.Pid.ToString(CultureInfo.InvariantCulture) + "\n", ""), Ctl(dir, "pid"));
        var reload = Ctl(dir, "reload");
        Assert.Equal(2, reload.ExitCode);
        Assert.Equal("s.toml:14:13: 'autostart' in [programs.broken] must be true or false, not string \"maybe\"\nnothing changed: the config has errors\n", reload.Stdout);

        // A syntax error elsewhere still leaves the socket line readable.
        dir.Write("s.toml", Config + "\n[programs.broken\n");
        Assert.Equal(0, Ctl(dir, "status", "sleeper").ExitCode);
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void Ctl_finds_the_default_socket_of_a_config_that_expands_a_variable_only_the_engine_has()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", "[programs.sleeper]\ncommand = \"sleep %(ENV_QA_ONLY_IN_ENGINE)s\"\nstartsecs = 0\n");
        using var session = new HeadlessSession(dir.Path, "s.toml", new Dictionary<string, string> { ["QA_ONLY_IN_ENGINE"] = "1000" });
        session.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));

        Assert.Equal(new Product.Result(0, session.Pid.ToString(CultureInfo.InvariantCulture) + "\n", ""), Ctl(dir, "pid"));
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void Without_an_engine_a_config_with_errors_is_mentioned_after_the_socket_tried()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config + "\n[programs.broken]\ncommand = \"sleep 1\"\nautostart = \"maybe\"\n");

        var status = Ctl(dir, "status");
        Assert.Equal(4, status.ExitCode);
        Assert.Equal(
            $"tuisupervisor ctl: no engine answers at {Path.Combine(dir.Path, "run", "engine.sock")} (no such socket: is the engine running, with this config?)\n"
            + "s.toml:14:13: 'autostart' in [programs.broken] must be true or false, not string \"maybe\"\n"
            + "tuisupervisor ctl: the config has errors here, so the engine may use another socket: fix the config, or name the socket with -s\n",
            status.Stderr);
    }

    [Fact]
    public void Ctl_tail_f_follows_until_ctrl_c_and_the_engine_keeps_running()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status talker", s => s.Contains("RUNNING", StringComparison.Ordinal));

        using var tail = StartCtl(dir, out var output, "tail", "-f", "talker");
        Poll(() => Regex.Count(Read(output), "line \\d+\n") >= 5, "five followed lines");
        Process.Start("kill", ["-INT", tail.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        Assert.True(tail.WaitForExit(TimeSpan.FromSeconds(15)), "ctl tail -f did not end on SIGINT");
        Assert.Equal(0, tail.ExitCode);
        Assert.Equal(0, Ctl(dir, "status", "talker").ExitCode);

        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Theory]
    [InlineData("tail", "-f", "quiet")]
    [InlineData("events", "-f", "-n", "1")]
    public void A_follow_ends_when_the_reader_of_its_output_goes_away_even_with_nothing_more_to_print(params string[] follow)
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config + "\n[programs.quiet]\ncommand = [\"sh\", \"-c\", \"echo once; exec sleep 1000\"]\nstartsecs = 0\n");
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status quiet", s => s.Contains("RUNNING", StringComparison.Ordinal));

        // As `ctl tail -f quiet | head -1`: the reader takes one line and closes its end.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.Path, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tuisupervisor.dll"), "ctl", "-c", "s.toml" }.Concat(follow))
            start.ArgumentList.Add(arg);
        using var ctl = Process.Start(start)!;
        Assert.NotNull(ctl.StandardOutput.ReadLine());
        ctl.StandardOutput.Dispose();

        Assert.True(ctl.WaitForExit(TimeSpan.FromSeconds(15)), "ctl went on following with nobody reading");
        Assert.Equal(0, ctl.ExitCode);
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void In_the_shell_SIGINT_ends_a_follow_and_not_the_engine()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status talker", s => s.Contains("RUNNING", StringComparison.Ordinal));

        var before = session.Stdout.Length;
        session.Send("events -f -n 1");
        session.Send("tail -f talker");
        Ctl(dir, "start", "idle");
        session.WaitFor(s => s.Stdout[before..].Contains("operator: start idle", StringComparison.Ordinal), "the followed event");
        session.Signal("INT");
        session.WaitFor(s => Regex.Count(s.Stdout[before..], "line \\d+\n") >= 3, "the next command, tail -f, to follow");
        session.Signal("INT");

        Assert.Contains("RUNNING", session.Poll("status sleeper", s => s.EndsWith('\n') && s.Contains("sleeper ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("shutting down", session.Stderr, StringComparison.Ordinal);
        session.Send("quit");
        Assert.Equal(0, session.WaitForExit());
    }

    [Fact]
    public void Ctl_shutdown_stops_everything_and_the_engine_exits_leaving_no_process()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        using var session = new HeadlessSession(dir.Path, "s.toml");
        session.Poll("status", s => Lines(s) == 3 && Regex.Count(s, "RUNNING") == 2);
        var pids = PidPattern().Matches(Ctl(dir, "status").Stdout).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, pids.Count);

        Assert.Equal(new Product.Result(0, "Shut down\n", ""), Ctl(dir, "shutdown"));
        Assert.Equal(0, session.WaitForExit());
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} outlived the engine"));
        Assert.False(File.Exists(Path.Combine(dir.Path, "run", "engine.sock")), "the socket file outlived the engine");
        Assert.Equal(4, Ctl(dir, "status").ExitCode);
    }

    [Fact]
    public void Engines_on_same_named_configs_in_two_folders_get_a_default_socket_each()
    {
        const string Unsocketed = """
            [programs.sleeper]
            command = "sleep 1000"
            startsecs = 0
            """;
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        one.Write("s.toml", Unsocketed);
        two.Write("s.toml", Unsocketed);
        using var first = new HeadlessSession(one.Path, "s.toml");
        first.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));
        using var second = new HeadlessSession(two.Path, "s.toml");
        second.Poll("status", s => s.Contains("RUNNING", StringComparison.Ordinal));

        Assert.Equal(first.Pid.ToString(CultureInfo.InvariantCulture) + "\n", Ctl(one, "pid").Stdout);
        Assert.Equal(second.Pid.ToString(CultureInfo.InvariantCulture) + "\n", Ctl(two, "pid").Stdout);
        first.Send("quit");
        second.Send("quit");
        Assert.Equal(0, first.WaitForExit());
        Assert.Equal(0, second.WaitForExit());
    }

    [Fact]
    public void An_engine_refuses_a_socket_folder_others_can_write_and_starts_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("s.toml", Config);
        Directory.CreateDirectory(Path.Combine(dir.Path, "run"));
        Process.Start("chmod", ["777", Path.Combine(dir.Path, "run")])!.WaitForExit();

        var run = Product.Run(dir.Path, "--headless", "-c", "s.toml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"tuisupervisor: control socket folder {Path.Combine(dir.Path, "run")} is writable by others (mode 777); make it 0700 or choose another [supervisor] socket; nothing started\n", run.Stderr);
    }

    [Fact]
    public void Ctl_help_describes_its_commands()
    {
        var help = Product.Run(Product.RepositoryRoot, "ctl", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith("Usage: tuisupervisor ctl [-c FILE | -s SOCKET] [--json] COMMAND [ARGS...]", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("tail -f", help.Stdout, StringComparison.Ordinal);
    }

    private static Product.Result Ctl(TempDirectory dir, params string[] args) => Product.Run(dir.Path, ["ctl", "-c", "s.toml", .. args]);

    private static Process StartCtl(TempDirectory dir, out StringBuilder output, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tuisupervisor.dll"), "ctl", "-c", "s.toml" }.Concat(args))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var buffer = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (buffer)
                    buffer.Append(e.Data).Append('\n');
            }
        };
        process.BeginOutputReadLine();
        output = buffer;
        return process;
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
            return buffer.ToString();
    }

    private static void Poll(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
                throw new TimeoutException($"{what}: not seen in 15 s");
            Thread.Sleep(20);
        }
    }

    private static int Lines(string text) => text.Count(c => c == '\n');

    [GeneratedRegex(@"pid (\d+),")]
    private static partial Regex PidPattern();
}
