using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TuiSupervisor.Bench.Subjects;

/// <summary>Our published executable, in <c>--headless</c> mode with its shell on pipes.</summary>
internal sealed class Ours(string executable) : ISubject
{
    public string Name => "ours";

    public string? Unavailable => File.Exists(executable) ? null : $"no published build at {executable} (bench/run publishes it)";

    public Task<IRunningSupervisor> StartAsync(string folder, IReadOnlyList<BenchProgram> programs) =>
        Task.FromResult<IRunningSupervisor>(new OursRunning(executable, folder, WriteConfig(folder, programs)));

    /// <summary>Where <see cref="StartAsync"/> writes the config of a run in <paramref name="folder"/>.</summary>
    public static string ConfigFile(string folder) => Path.Combine(folder, "supervisor.toml");

    /// <summary>Writes the config of <paramref name="programs"/> into <paramref name="folder"/>; returns its path (for <c>ctl -c</c> and <c>attach -c</c>).</summary>
    public static string WriteConfig(string folder, IReadOnlyList<BenchProgram> programs)
    {
        var config = ConfigFile(folder);
        File.WriteAllText(config, Toml(programs));
        return config;
    }

    private static string Toml(IReadOnlyList<BenchProgram> programs)
    {
        var toml = new StringBuilder();
        toml.AppendLine("""
            [supervisor]
            logfile = "supervisor.log"
            childlogdir = "logs"
            pidfile = "supervisor.pid"
            """);
        foreach (var program in programs)
        {
            toml.AppendLine(CultureInfo.InvariantCulture, $"[programs.{program.Name}]");
            toml.AppendLine(CultureInfo.InvariantCulture, $"command = [{string.Join(", ", program.Command.Select(Quote))}]");
            if (program.NumProcs > 1)
            {
                toml.AppendLine(CultureInfo.InvariantCulture, $"numprocs = {program.NumProcs}");
                toml.AppendLine("process_name = \"%(program_name)s_%(process_num)03d\"");
            }

            toml.AppendLine(CultureInfo.InvariantCulture, $"autostart = {Bool(program.AutoStart)}");
            toml.AppendLine(CultureInfo.InvariantCulture, $"autorestart = {Bool(program.AutoRestart)}");
            toml.AppendLine(CultureInfo.InvariantCulture, $"startsecs = {program.StartSecs}");
            toml.AppendLine(CultureInfo.InvariantCulture, $"stopwaitsecs = {program.StopWaitSecs}");
            toml.AppendLine(CultureInfo.InvariantCulture, $"stdout_logfile = {Quote(program.StdoutLog ?? "NONE")}");
            toml.AppendLine(CultureInfo.InvariantCulture, $"stdout_logfile_maxbytes = {program.StdoutLogMaxBytes}");
            toml.AppendLine(CultureInfo.InvariantCulture, $"stdout_logfile_backups = {program.StdoutLogBackups}");
            toml.AppendLine("stderr_logfile = \"NONE\"");
        }

        return toml.ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Each command is followed by <c>pid</c>, whose answer is the engine's PID alone on a line: a
    /// sentinel that marks the end of the answer before it, whatever its length.
    /// </summary>
    private sealed class OursRunning : IRunningSupervisor
    {
        private readonly Process _process;
        private readonly SemaphoreSlim _shell = new(1, 1);
        private readonly string _sentinel;

        public OursRunning(string executable, string folder, string config)
        {
            StatusCommand = new ShellCommand(executable, ["ctl", "-c", config, "status"]);
            var start = new ProcessStartInfo(executable)
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "--headless", "-c", config })
                start.ArgumentList.Add(arg);
            StartedAt = Stopwatch.GetTimestamp();
            _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
            // Activity goes to stderr; it must be drained, and the activity log keeps it anyway.
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            _sentinel = _process.Id.ToString(CultureInfo.InvariantCulture);
        }

        public int EnginePid => _process.Id;

        public long StartedAt { get; }

        public ShellCommand StatusCommand { get; }

        public async Task<IReadOnlyList<ProcessStatus>> StatusAsync() =>
            [.. (await AskAsync("status").ConfigureAwait(false)).Select(Parse)];

        public Task StopAllAsync() => AskAsync("stop all");

        /// <summary>Sends one command and reads its answer (without waiting for the sentinel first, so the first line's time is honest).</summary>
        public async Task<IReadOnlyList<string>> AskAsync(string command)
        {
            await _shell.WaitAsync().ConfigureAwait(false);
            try
            {
                await _process.StandardInput.WriteAsync($"{command}\npid\n").ConfigureAwait(false);
                await _process.StandardInput.FlushAsync().ConfigureAwait(false);
                var lines = new List<string>();
                while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
                {
                    if (line == _sentinel)
                        return lines;
                    lines.Add(line);
                }

                throw new InvalidOperationException($"the engine ended while answering '{command}'");
            }
            finally
            {
                _shell.Release();
            }
        }

        // "name   RUNNING   pid 123, uptime 0:00:01" or "name   STOPPED   Not started".
        private static ProcessStatus Parse(string line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int? pid = words.Length > 3 && words[2] == "pid" ? int.Parse(words[3].TrimEnd(','), CultureInfo.InvariantCulture) : null;
            return new ProcessStatus(words[0], words.Length > 1 ? words[1] : "?", pid);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                try
                {
                    await _process.StandardInput.WriteLineAsync("quit").ConfigureAwait(false);
                    await _process.StandardInput.FlushAsync().ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // It ended on its own meanwhile.
                }

                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.Dispose();
            _shell.Dispose();
        }
    }
}
