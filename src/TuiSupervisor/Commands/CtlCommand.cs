using System.Runtime.InteropServices;
using System.Text.Json;
using TuiSupervisor.Cli;
using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Commands;

/// <summary>
/// <c>tuisupervisor ctl</c>: one command to a running engine over its control socket, printing
/// exactly what the headless shell prints, with supervisorctl's exit codes (4 when no engine
/// answers). <c>--json</c> prints the status array, or each reply as the engine sent it.
/// </summary>
internal static class CtlCommand
{
    private const int StandardOutputFd = 1;

    public static async Task<int> RunAsync(ParsedCommand command, TextWriter output, TextWriter error)
    {
        var socket = EngineSocket.Find(command);

        // Ended by Ctrl-C, or for a follow by its reader going away (ctl tail -f web | head -2).
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
            channel = await ControlChannel.ConnectAsync(socket.Path, interrupted.Token).ConfigureAwait(false);
        }
        catch (ControlUnavailableException e)
        {
            socket.ReportUnreachable(error, "ctl", e);
            return ExitCodes.UnknownOrNoEngine;
        }

        await using (channel.ConfigureAwait(false))
        {
            var words = command.Arguments;
            var line = string.Join(' ', words);
            var request = command.Json && words[0] == "status"
                ? new ControlRequest { Op = "status", Names = [.. words.Skip(1)] }
                : new ControlRequest { Op = "run", Line = line };

            // Console.Out drops writes that fail with EPIPE, so a follow cannot learn from its
            // writes that the reader went away; the descriptor itself says so (POLLERR).
            if (CommandInterpreter.IsFollow(line))
                _ = OutputHangup.WaitAsync(StandardOutputFd, interrupted.Token).ContinueWith(_ => EndQuietly(interrupted), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
                error.WriteLine($"tuisupervisor ctl: the engine at {socket.Path} went away: {e.Message}");
                return ExitCodes.UnknownOrNoEngine;
            }
            finally
            {
                // Ends the watch on stdout too.
                await interrupted.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ends the follow when stdout's reader is gone; the watch also ends (without a hangup) once ctl is done, maybe after the source is disposed.</summary>
    private static void EndQuietly(CancellationTokenSource interrupted)
    {
        try
        {
            interrupted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // ctl ended first.
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
}
