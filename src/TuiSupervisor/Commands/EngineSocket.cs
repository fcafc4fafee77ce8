using TuiSupervisor.Cli;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Control;

namespace TuiSupervisor.Commands;

/// <summary>
/// Where <c>ctl</c> and <c>attach</c> reach the engine: <c>-s SOCKET</c>, else the socket the
/// config names or implies. A config that does not validate here still gives its socket (the
/// engine may run on an earlier, good version of it, or with environment variables this shell
/// lacks); its problems are shown only when nobody answers there.
/// </summary>
internal sealed record EngineSocket(string Path, IReadOnlyList<ConfigDiagnostic> ConfigProblems)
{
    public static EngineSocket Find(ParsedCommand command)
    {
        if (command.SocketPath is { } socket)
            return new EngineSocket(socket, []);
        var result = ConfigSource.Load(command.ConfigPath);
        if (result.Config is { } config)
            return new EngineSocket(ControlSocketPath.For(config, Environment.GetEnvironmentVariable), []);
        // Only a file can fail to load: the embedded config always does.
        var file = ConfigSource.FilePath(command.ConfigPath)!;
        return new EngineSocket(ControlSocketPath.ForFile(file, Environment.GetEnvironmentVariable), [.. result.Errors]);
    }

    /// <summary>Says that no engine answered, and, when the config did not validate, why the socket may be elsewhere.</summary>
    public void ReportUnreachable(TextWriter error, string commandName, ControlUnavailableException e)
    {
        error.WriteLine($"tuisupervisor {commandName}: {e.Message}");
        if (ConfigProblems.Count == 0)
            return;
        foreach (var problem in ConfigProblems)
            error.WriteLine(problem);
        error.WriteLine($"tuisupervisor {commandName}: the config has errors here, so the engine may use another socket: fix the config, or name the socket with -s");
    }
}
