using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Posix;

/// <summary>
/// A real reaper and spawner for one test, with helpers to wait on exits and read output under
/// deadlines. Disposing it kills whatever the test left running.
/// </summary>
internal sealed class ChildHarness : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<int, ExitStatus> _exits = new();
    private readonly List<int> _spawned = [];

    public ChildHarness(TimeSpan? safetyTick = null, bool usePidfds = true)
    {
        Reaper = new ChildReaper(exit => _exits[exit.Pid] = exit, TimeProvider.System, safetyTick ?? TimeSpan.FromSeconds(1), usePidfds);
        Spawner = new ProcessSpawner(Reaper);
    }

    public ChildReaper Reaper { get; }

    public ProcessSpawner Spawner { get; }

    /// <summary>The runtime's muxer, so TestChild runs whatever environment the child is given.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));

    public static string TestChildDll { get; } = Path.Combine(AppContext.BaseDirectory, "TestChild.dll");

    public static string[] TestChild(params string[] steps) => [DotnetHost, TestChildDll, .. steps];

    public static Dictionary<string, string> Env(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin" };
        foreach ((string name, string value) in extra)
        {
            environment[name] = value;
        }
        return environment;
    }

    public static SpawnRequest Request(
        string[] command, string? directory = null, int? umask = null, bool redirectStderr = false,
        IReadOnlyDictionary<string, string>? environment = null) =>
        new(command, directory, environment ?? Env(), umask, redirectStderr);

    /// <summary>Spawns and asserts success.</summary>
    public SpawnedChild Start(SpawnRequest request)
    {
        SpawnResult result = Spawner.Spawn(request);
        Assert.True(result.Succeeded, result.Error?.Message);
        lock (_spawned)
        {
            _spawned.Add(result.Child.Pid);
        }
        return result.Child;
    }

    public SpawnedChild Start(params string[] command) => Start(Request(command));

    public async Task<ExitStatus> WaitForExitAsync(int pid)
    {
        await Eventually(() => _exits.ContainsKey(pid), $"exit of {pid} reported").ConfigureAwait(false);
        return _exits[pid];
    }

    /// <summary>
    /// posix_spawn returns as soon as exec has replaced the child's memory, a moment before the
    /// kernel fills in what /proc shows of the new program (cmdline, environ): wait for that.
    /// </summary>
    public static Task WaitForExecAsync(int pid) =>
        Eventually(() => File.ReadAllText($"/proc/{pid}/cmdline").Length > 0, $"{pid} to finish exec");

    public bool HasExited(int pid) => _exits.ContainsKey(pid);

    /// <summary>Reads a pipe to its end, as the log capture will: a stream over the handle.</summary>
    public static async Task<string> ReadToEndAsync(SafeFileHandle handle)
    {
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await Task.Run(reader.ReadToEnd).WaitAsync(Deadline).ConfigureAwait(false);
    }

    public static Task Eventually(Func<bool> condition, string what) => Eventually(condition, () => what);

    /// <summary>As above, with the failure's text made only when it fails (to describe the state then).</summary>
    public static async Task Eventually(Func<bool> condition, Func<string> what)
    {
        DateTime giveUp = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow >= giveUp)
                Assert.Fail($"timed out waiting for {what()}");
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>True once the process is gone or a zombie (an orphan waits for whoever adopted it).</summary>
    public static bool IsGone(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        int[] spawned;
        lock (_spawned)
        {
            spawned = [.. _spawned];
        }
        foreach (int pid in spawned)
        {
            Spawner.SignalGroup(pid, 9);
        }
        // Let the reaper collect them, so no test leaves zombies behind.
        DateTime giveUp = DateTime.UtcNow + Deadline;
        while (!spawned.All(_exits.ContainsKey) && DateTime.UtcNow < giveUp)
        {
            Thread.Sleep(10);
        }
        Reaper.Dispose();
    }
}
