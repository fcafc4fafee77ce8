using System.Diagnostics;
using System.Text;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Binding;
using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Terminal;
using TuiSupervisor.Tui;
using TuiSupervisor.Tui.Themes;

namespace TuiSupervisor.Tests.Tui;

/// <summary>
/// The supervisor screen over a real in-process engine (real processes), drawn into an
/// in-memory terminal of W×H cells: a test types keys and reads the cells, colours included.
/// </summary>
internal sealed class ScreenHarness : IAsyncDisposable
{
    private readonly SupervisorScreen _screen;

    public ScreenHarness(string toml, int width = 80, int height = 24)
    {
        Directory.CreateDirectory(Folder);
        ConfigPath = Path.Combine(Folder, "s.toml");
        File.WriteAllText(ConfigPath, toml);
        var config = Load().Config ?? throw new InvalidOperationException(string.Join("\n", Load().Diagnostics));
        Supervisor = new Supervisor(config, Load, TimeProvider.System, EnvironmentVariables.Read());
        Theme = ThemeCatalog.Load("default", null, _ => null).Theme!;
        Terminal = new VirtualTerminal(width, height);
        _screen = new SupervisorScreen(Supervisor, TimeProvider.System, Theme, attached: false);
        _screen.QuitRequested += (_, _) => QuitRequested = true;
        App = new Application(Terminal, _screen, new ApplicationOptions { ColorMode = ColorMode.Ansi16, MinimumSize = new TerminalSize(50, 10) });
        _screen.Attach(App);
        Supervisor.StartAutostartProgramsAsync().GetAwaiter().GetResult();
        App.Start();
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tuisupervisor-screen-" + Guid.NewGuid().ToString("N")[..10]);

    public string ConfigPath { get; }

    public Supervisor Supervisor { get; }

    public Theme Theme { get; }

    public VirtualTerminal Terminal { get; }

    public Application App { get; }

    public bool QuitRequested { get; private set; }

    public string Screen => Terminal.ScreenText();

    /// <summary>Types keys (raw terminal input: <c>"j"</c>, <c>"\e[A"</c>) and lets the screen handle them.</summary>
    public void Type(string input)
    {
        Terminal.Feed(input);
        Pump();
    }

    /// <summary>Pumps the UI until the screen satisfies <paramref name="condition"/>, with a deadline.</summary>
    public string WaitFor(Func<string, bool> condition, string what, double seconds = 15)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Pump();
            var screen = Screen;
            if (condition(screen))
                return screen;
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"{what}: not on the screen in {seconds} s; the screen:\n{screen}");
            Thread.Sleep(20);
        }
    }

    public string WaitFor(string text) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'");

    /// <summary>The row of the screen whose text starts (after spaces) with <paramref name="name"/>.</summary>
    public int RowOf(string name) => Array.FindIndex(Screen.Split('\n'), l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _screen.Dispose();
        App.Dispose();
        await Supervisor.ShutdownAsync();
        await Supervisor.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A log still being written; the test already has its answer.
        }
    }

    private void Pump()
    {
        App.ProcessPending();
        App.RenderNow();
    }

    private ConfigLoadResult Load() =>
        ConfigLoader.LoadToml(Encoding.UTF8.GetBytes(File.ReadAllText(ConfigPath)), ConfigPath, BindingContext.ForProcess(Folder));
}
