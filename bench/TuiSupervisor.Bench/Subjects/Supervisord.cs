using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TuiSupervisor.Bench.Subjects;

/// <summary>supervisord (the Debian package), driven through its XML-RPC interface on a unix socket.</summary>
internal sealed class Supervisord : ISubject
{
    private readonly string? _executable = Tools.Command.Find("supervisord");

    public string Name => "supervisord";

    public string? Unavailable => _executable is null ? "supervisord is not installed (apt-get install -y supervisor)" : null;

    public Task<IRunningSupervisor> StartAsync(string folder, IReadOnlyList<BenchProgram> programs)
    {
        var socket = Path.Combine(folder, "supervisor.sock");
        var config = Path.Combine(folder, "supervisord.conf");
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        File.WriteAllText(config, Ini(folder, socket, programs));
        return Task.FromResult<IRunningSupervisor>(new SupervisordRunning(_executable!, config, socket));
    }

    private static string Ini(string folder, string socket, IReadOnlyList<BenchProgram> programs)
    {
        var ini = new StringBuilder();
        ini.AppendLine(CultureInfo.InvariantCulture, $"""
            [supervisord]
            nodaemon = true
            logfile = {folder}/supervisord.log
            pidfile = {folder}/supervisord.pid
            childlogdir = {folder}/logs

            [unix_http_server]
            file = {socket}

            [rpcinterface:supervisor]
            supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

            [supervisorctl]
            serverurl = unix://{socket}

            """);
        foreach (var program in programs)
        {
            ini.AppendLine(CultureInfo.InvariantCulture, $"[program:{program.Name}]");
            // Arguments of the bench are plain words and paths: no quoting needed.
            ini.AppendLine(CultureInfo.InvariantCulture, $"command = {string.Join(' ', program.Command.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}");
            if (program.NumProcs > 1)
            {
                ini.AppendLine(CultureInfo.InvariantCulture, $"numprocs = {program.NumProcs}");
                ini.AppendLine("process_name = %(program_name)s_%(process_num)03d");
            }

            ini.AppendLine(CultureInfo.InvariantCulture, $"autostart = {program.AutoStart.ToString().ToLowerInvariant()}");
            ini.AppendLine(CultureInfo.InvariantCulture, $"autorestart = {program.AutoRestart.ToString().ToLowerInvariant()}");
            ini.AppendLine(CultureInfo.InvariantCulture, $"startsecs = {(int)Math.Ceiling(program.StartSecs)}");
            ini.AppendLine(CultureInfo.InvariantCulture, $"stopwaitsecs = {program.StopWaitSecs}");
            ini.AppendLine(CultureInfo.InvariantCulture, $"stdout_logfile = {program.StdoutLog ?? "NONE"}");
            ini.AppendLine(CultureInfo.InvariantCulture, $"stdout_logfile_maxbytes = {program.StdoutLogMaxBytes}");
            ini.AppendLine(CultureInfo.InvariantCulture, $"stdout_logfile_backups = {program.StdoutLogBackups}");
            ini.AppendLine("stderr_logfile = NONE");
            ini.AppendLine();
        }

        return ini.ToString();
    }

    private sealed class SupervisordRunning : IRunningSupervisor
    {
        private readonly Process _process;
        private readonly XmlRpcClient _rpc;

        public SupervisordRunning(string executable, string config, string socket)
        {
            StatusCommand = new ShellCommand(Tools.Command.Find("supervisorctl") ?? "supervisorctl", ["-c", config, "status"]);
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-n", "-c", config })
                start.ArgumentList.Add(arg);
            StartedAt = Stopwatch.GetTimestamp();
            _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            _rpc = new XmlRpcClient(socket);
        }

        public int EnginePid => _process.Id;

        public long StartedAt { get; }

        public ShellCommand StatusCommand { get; }

        /// <summary>getAllProcessInfo; until the socket exists, supervisord is still starting and the answer is empty.</summary>
        public async Task<IReadOnlyList<ProcessStatus>> StatusAsync()
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"supervisord exited {_process.ExitCode}");
            var infos = await _rpc.TryCallAsync("supervisor.getAllProcessInfo").ConfigureAwait(false);
            return infos is null
                ? []
                : [.. infos.Select(info => new ProcessStatus(
                    info["group"] == info["name"] ? info["name"] : $"{info["group"]}:{info["name"]}",
                    info["statename"],
                    int.Parse(info["pid"], CultureInfo.InvariantCulture) is var pid and > 0 ? pid : null))];
        }

        public Task StopAllAsync() => _rpc.CallAsync("supervisor.stopAllProcesses");

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                // SIGTERM is supervisord's orderly shutdown: it stops its children first.
                Tools.Posix.Terminate(_process.Id);
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
            _rpc.Dispose();
        }
    }
}
