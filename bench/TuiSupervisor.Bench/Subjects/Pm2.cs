using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TuiSupervisor.Bench.Tools;

namespace TuiSupervisor.Bench.Subjects;

/// <summary>
/// pm2 (npm), driven through its command line as its users do; each run has its own PM2_HOME, so
/// its daemon starts with the run. pm2 has no numprocs outside cluster mode: each process is an app.
/// </summary>
internal sealed class Pm2 : ISubject
{
    private readonly string? _executable = Command.Find("pm2");

    public string Name => "pm2";

    public string? Unavailable => _executable is null ? "pm2 is not installed (npm install -g pm2)" : null;

    public async Task<IRunningSupervisor> StartAsync(string folder, IReadOnlyList<BenchProgram> programs)
    {
        var home = Path.Combine(folder, "pm2home");
        Directory.CreateDirectory(home);
        var ecosystem = Path.Combine(folder, "ecosystem.json");
        await File.WriteAllTextAsync(ecosystem, Ecosystem(programs)).ConfigureAwait(false);
        var running = new Pm2Running(_executable!, home);
        await running.RunAsync("start", ecosystem).ConfigureAwait(false);
        return running;
    }

    private static string Ecosystem(IReadOnlyList<BenchProgram> programs)
    {
        var apps = new JsonArray();
        foreach (var program in programs)
        {
            for (var i = 0; i < program.NumProcs; i++)
            {
                apps.Add(new JsonObject
                {
                    ["name"] = program.NumProcs == 1 ? program.Name : $"{program.Name}:{program.ProcessName(i)}",
                    ["script"] = program.Command[0],
                    ["args"] = new JsonArray([.. program.Command.Skip(1).Select(a => JsonValue.Create(a))]),
                    ["interpreter"] = "none",
                    ["exec_mode"] = "fork",
                    ["autostart"] = program.AutoStart,
                    ["autorestart"] = program.AutoRestart,
                    ["kill_timeout"] = program.StopWaitSecs * 1000,
                    ["out_file"] = program.StdoutLog ?? "/dev/null",
                    ["error_file"] = "/dev/null",
                    ["merge_logs"] = true,
                });
            }
        }

        return new JsonObject { ["apps"] = apps }.ToJsonString();
    }

    private sealed class Pm2Running(string executable, string home) : IRunningSupervisor
    {
        private readonly Dictionary<string, string> _environment = new() { ["PM2_HOME"] = home };

        public int EnginePid => int.Parse(File.ReadAllText(Path.Combine(home, "pm2.pid")).Trim(), CultureInfo.InvariantCulture);

        public long StartedAt { get; } = Stopwatch.GetTimestamp();

        public ShellCommand StatusCommand => new(executable, ["status"], _environment);

        public Task<string> RunAsync(params string[] args) => Command.RunCheckedAsync(executable, args, TimeSpan.FromMinutes(5), _environment);

        public async Task<IReadOnlyList<ProcessStatus>> StatusAsync()
        {
            var list = JsonNode.Parse(await RunAsync("jlist").ConfigureAwait(false)) as JsonArray ?? throw new JsonException("pm2 jlist did not print an array");
            return [.. list.Select(app => new ProcessStatus(
                (string)app!["name"]!,
                (string)app["pm2_env"]!["status"]! switch { "online" => "RUNNING", "stopped" => "STOPPED", "launching" => "STARTING", "stopping" => "STOPPING", "errored" => "FATAL", var other => other },
                (int?)app["pid"] is > 0 and var pid ? pid : null))];
        }

        public Task StopAllAsync() => RunAsync("stop", "all");

        public async ValueTask DisposeAsync() => await RunAsync("kill").ConfigureAwait(false);
    }
}
