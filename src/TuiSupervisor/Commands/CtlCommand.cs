using System.Runtime.InteropServices;
using System.Text.Json;
using TuiSupervisor.Cli;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Control;

namespace TuiSupervisor.Commands;

/// <summary>
/// <c>tuisupervisor ctl</c>: one command to a running engine over its control socket, printing
/// exactly what the headless shell prints, with supervisorctl's exit codes (4 when no engine
/// answers). <c>--json</c> prints the status array, or each reply as the engine sent it.
/// </summary>
internal static class CtlCommand
{
    public static async Task<int> RunAsync(ParsedCommand command, TextWriter output, TextWriter error)
    {
        if (SocketPath(command, error) is not { } socketPath)
            return ExitCodes.UsageOrConfig;

        using var interrupted = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            // Ctrl-C ends a follow (and ctl with exit 0), never the engine.
            context.Cancel = true;
            interrupted.Cancel();
        });

        ControlChannel channel;
        try
        {
            channel = await ControlChannel.ConnectAsync(socketPath, interrupted.Token).ConfigureAwait(false);
        }
        catch (ControlUnavailableException e)
        {
            error.WriteLine($"tuisupervisor ctl: {e.Message}");
            return ExitCodes.UnknownOrNoEngine;
        }

        await using (channel.ConfigureAwait(false))
        {
            var words = command.Arguments;
            var request = command.Json && words[0] == "status"
                ? new ControlRequest { Op = "status", Names = [.. words.Skip(1)] }
                : new ControlRequest { Op = "run", Line = string.Join(' ', words) };
            try
            {
                await channel.SendAsync(request, interrupted.Token).ConfigureAwait(false);
                return await PrintRepliesAsync(channel, command.Json, output, error, interrupted.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }
            catch (IOException e)
            {
                error.WriteLine($"tuisupervisor ctl: the engine at {socketPath} went away: {e.Message}");
                return ExitCodes.UnknownOrNoEngine;
            }
        }
    }

    /// <summary>
    /// Prints the replies to one request. They are read as plain JSON documents, not as
    /// <see cref="ControlReply"/> objects (see <see cref="ControlChannel.ReadDocumentAsync"/>): a
    /// command line tool that starts for one answer must not compile the serializer's metadata
    /// first. With <c>--json</c> a reply goes out as the engine wrote it.
    /// </summary>
    private static async Task<int> PrintRepliesAsync(ControlChannel channel, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        while (await channel.ReadDocumentAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            using (document)
            {
                var reply = document.RootElement;
                switch (ControlChannel.Text(reply, "type"))
                {
                    case "text" when !json:
                        output.Write(ControlChannel.Text(reply, "text"));
                        output.Flush();
                        break;
                    case "status":
                        output.WriteLine(reply.TryGetProperty("processes", out var processes) && processes.ValueKind == JsonValueKind.Array ? processes.GetRawText() : "[]");
                        foreach (var line in Lines(reply))
                            error.WriteLine(line);
                        return ControlChannel.Number(reply, "exit") ?? ExitCodes.Success;
                    case "error":
                        error.WriteLine($"tuisupervisor ctl: the engine refused the request: {ControlChannel.Text(reply, "error")}");
                        return ExitCodes.UsageOrConfig;
                    case var type when json:
                        output.WriteLine(reply.GetRawText());
                        output.Flush();
                        if (type == "result")
                            return await FinishAsync(channel, reply, cancellationToken).ConfigureAwait(false);
                        break;
                    case "result":
                        foreach (var line in Lines(reply))
                            output.WriteLine(line);
                        return await FinishAsync(channel, reply, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        error.WriteLine("tuisupervisor ctl: the engine closed the connection without answering");
        return ExitCodes.UnknownOrNoEngine;
    }

    private static IEnumerable<string> Lines(JsonElement reply) =>
        reply.TryGetProperty("lines", out var lines) && lines.ValueKind == JsonValueKind.Array
            ? lines.EnumerateArray().Select(line => line.GetString() ?? "")
            : [];

    /// <summary>After <c>shutdown</c>'s answer, waits for the engine to close the connection, so a script can start the next one at once.</summary>
    private static async Task<int> FinishAsync(ControlChannel channel, JsonElement result, CancellationToken cancellationToken)
    {
        var exit = ControlChannel.Number(result, "exit") ?? ExitCodes.Success;
        if (Lines(result).SequenceEqual(["Shut down"]))
        {
            while (await channel.ReadDocumentAsync(cancellationToken).ConfigureAwait(false) is { } more)
                more.Dispose();
        }

        return exit;
    }

    private static string? SocketPath(ParsedCommand command, TextWriter error)
    {
        if (command.SocketPath is { } socket)
            return socket;
        var result = ConfigSource.Load(command.ConfigPath);
        if (result.Config is { } config)
            return ControlSocketPath.For(config, Environment.GetEnvironmentVariable);
        foreach (var diagnostic in result.Diagnostics)
            error.WriteLine(diagnostic);
        error.WriteLine("tuisupervisor ctl: cannot find the engine's socket: fix the config, or name the socket with -s");
        return null;
    }
}
