using System.Diagnostics;
using System.Text;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Tests.Posix;

namespace TuiSupervisor.Core.Tests.Engine;

/// <summary>
/// A real engine on a config written in a scratch folder, running real processes, with helpers
/// that poll for a condition until a deadline (never a fixed sleep).
/// </summary>
internal sealed class RealEngine : IAsyncDisposable
{
    private readonly List<EngineEvent> _events = [];
    private readonly IDisposable _subscription;

    public RealEngine(string toml)
    {
        Directory.CreateDirectory(Folder);
        Toml = toml;
        var result = Load();
        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
        Supervisor = new Supervisor(result.Config, Load, TimeProvider.System, EnvironmentVariables.Read());
        _subscription = Supervisor.Subscribe(_ => { }, e =>
        {
            lock (_events)
                _events.Add(e);
        });
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tuisupervisor-engine-" + Guid.NewGuid().ToString("N")[..10]);

    public Supervisor Supervisor { get; }

    /// <summary>The config text; change it, then reload, to test reloads.</summary>
    public string Toml { get; set; }

    public List<string> Messages
    {
        get
        {
            lock (_events)
                return [.. _events.Select(e => e.Message)];
        }
    }

    public List<EngineEvent> Events
    {
        get
        {
            lock (_events)
                return [.. _events];
        }
    }

    /// <summary>The last lines of a process's output, waited for (a test helper, so blocking is fine).</summary>
    public byte[] Tail(string name, bool stderr = false, int lines = 10) => Supervisor.TailAsync(name, stderr, lines).GetAwaiter().GetResult();

    /// <summary>
    /// The process as the engine has it after everything queued so far (an operation's task can end
    /// before the loop publishes the snapshot of its batch, so <c>Current</c> may lag by one batch).
    /// </summary>
    public ProcessSnapshot Process(string name) => Snapshot().Find(name) ?? throw new InvalidOperationException($"no process {name}");

    /// <summary>The engine's snapshot after everything queued so far (see <see cref="Process"/>).</summary>
    public EngineSnapshot Snapshot() => Supervisor.SnapshotAsync().GetAwaiter().GetResult();

    private ConfigLoadResult Load() =>
        ConfigLoader.LoadToml(Encoding.UTF8.GetBytes(Toml), "test.toml", new BindingContext(Folder, EnvironmentVariables.Read(), "testhost"));

    public ProcessSnapshot WaitForState(string name, ProcessState state, double seconds = 10)
    {
        Poll.Until(
            () => Supervisor.Current.Find(name)?.State == state,
            () => $"{name} to be {state.Text()} (is {Supervisor.Current.Find(name)?.State.Text()}); the last events:\n{string.Join("\n", Messages.TakeLast(20))}",
            (int)(seconds * 1000));
        return Process(name);
    }

    public static bool IsAlive(int pid) => !ChildHarness.IsGone(pid);

    public async ValueTask DisposeAsync()
    {
        await Supervisor.ShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _subscription.Dispose();
        await Supervisor.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being written by the output pump; the folder is in /tmp anyway.
        }
    }
}
