using TuiSupervisor.Cli;
using TuiSupervisor.Core.Control;

namespace TuiSupervisor.Commands;

/// <summary>Where <c>ctl</c> and <c>attach</c> reach the engine: <c>-s SOCKET</c>, else the socket the config names or implies.</summary>
internal static class EngineSocket
{
    public static string? Find(ParsedCommand command, TextWriter error, string commandName)
    {
        if (command.SocketPath is { } socket)
            return socket;
        var result = ConfigSource.Load(command.ConfigPath);
        if (result.Config is { } config)
            return ControlSocketPath.For(config, Environment.GetEnvironmentVariable);
        foreach (var diagnostic in result.Diagnostics)
            error.WriteLine(diagnostic);
        error.WriteLine($"tuisupervisor {commandName}: cannot find the engine's socket: fix the config, or name the socket with -s");
        return null;
    }
}
