using TuiSupervisor.Core.Commands;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// What each request does: the engine operations behind <see cref="ISupervisor"/>, and command
/// lines through the same <see cref="CommandInterpreter"/> the headless shell uses, so
/// <c>ctl</c> prints what the shell prints.
/// </summary>
internal sealed class ControlRequestHandler(ISupervisor supervisor, Action requestShutdown, TimeProvider time)
{
    private const int DefaultCount = 20;

    private readonly CommandInterpreter _interpreter = new(supervisor, time);

    public int EnginePid => supervisor.EnginePid;

    /// <summary>Whether the request streams until the connection closes, rather than answering once.</summary>
    public static bool IsStream(ControlRequest request) => request.Op switch
    {
        "subscribe" => true,
        "tail" => request.Follow,
        "run" => request.Line is { } line && CommandInterpreter.IsFollow(line),
        _ => false,
    };

    /// <summary>Answers one request; never throws (an engine bug becomes an error reply).</summary>
    public async Task HandleAsync(ControlRequest request, ControlConnection connection)
    {
        try
        {
            await DispatchAsync(request, connection).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (connection.Closing.IsCancellationRequested)
        {
            // A stream ended by its client.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            connection.Fail($"internal error (please report): {e.Message}");
        }
    }

    private async Task DispatchAsync(ControlRequest request, ControlConnection connection)
    {
        switch (request.Op)
        {
            case "run" when request.Line is { } line:
                await RunLineAsync(line, connection).ConfigureAwait(false);
                break;
            case "status":
                await supervisor.RefreshUsageAsync().ConfigureAwait(false);
                var (processes, errors, output) = await _interpreter.StatusAsync(request.Names ?? []).ConfigureAwait(false);
                var now = time.GetUtcNow();
                connection.Send(new ControlReply("status")
                {
                    Processes = [.. processes.Select(p => ProcessStatus.From(p, now, time.LocalTimeZone))],
                    Lines = errors,
                    Exit = output.ExitCode,
                });
                break;
            case "snapshot":
                connection.Send(new ControlReply("snapshot") { Snapshot = await supervisor.SnapshotAsync().ConfigureAwait(false) });
                break;
            case "events":
                connection.Send(new ControlReply("events") { Events = supervisor.RecentEvents(request.Count ?? DefaultCount) });
                break;
            case "subscribe":
                await SubscribeAsync(request.Count ?? 0, connection).ConfigureAwait(false);
                break;
            case "start" when request.Processes is { } names:
                connection.Send(new ControlReply("actions") { Results = await supervisor.StartAsync(names).ConfigureAwait(false) });
                break;
            case "stop" when request.Processes is { } names:
                connection.Send(new ControlReply("actions") { Results = await supervisor.StopAsync(names).ConfigureAwait(false) });
                break;
            case "signal" when request is { Processes: { } names, Signal: { } signal }:
                connection.Send(new ControlReply("actions") { Results = await supervisor.SignalAsync(signal, names).ConfigureAwait(false) });
                break;
            case "tail" when request.Process is { } process:
                await TailAsync(process, request, connection).ConfigureAwait(false);
                break;
            case "reload":
                var outcome = await supervisor.ReloadAsync(request.Apply, request.Groups).ConfigureAwait(false);
                connection.Send(new ControlReply("reload") { Lines = outcome.Lines, Failed = outcome.Status == ReloadStatus.ConfigErrors, Refused = outcome.Status == ReloadStatus.Refused });
                break;
            case "shutdown":
                await ShutdownAsync(connection).ConfigureAwait(false);
                break;
            case "run" or "start" or "stop" or "signal" or "tail":
                connection.Fail($"'{request.Op}' needs {MissingField(request.Op)}");
                break;
            default:
                connection.Fail($"unknown op '{request.Op}' (known: run, status, snapshot, events, subscribe, start, stop, signal, tail, reload, shutdown)");
                break;
        }
    }

    private async Task RunLineAsync(string line, ControlConnection connection)
    {
        var command = CommandInterpreter.Words(line).FirstOrDefault();
        if (command == "shutdown")
        {
            await ShutdownAsync(connection).ConfigureAwait(false);
            return;
        }

        // Over the socket, quit and exit leave the client, as in supervisorctl; the engine stays.
        var output = command is "quit" or "exit"
            ? new CommandOutput([], ExitCodes.Success)
            : await _interpreter.RunAsync(line, text => connection.SendAsync(new ControlReply("text") { Text = text }), connection.Closing).ConfigureAwait(false);
        connection.Send(new ControlReply("result") { Lines = output.Lines, Exit = output.ExitCode });
    }

    /// <summary>The reply comes once every process has stopped; the engine then exits and closes the connection.</summary>
    private async Task ShutdownAsync(ControlConnection connection)
    {
        requestShutdown();
        await supervisor.ShutdownAsync().ConfigureAwait(false);
        connection.Send(new ControlReply("result") { Lines = ["Shut down"], Exit = ExitCodes.Success });
    }

    private async Task TailAsync(string process, ControlRequest request, ControlConnection connection)
    {
        var lines = request.Count ?? DefaultCount;
        if (!request.Follow)
        {
            connection.Send(new ControlReply("output") { Data = await supervisor.TailAsync(process, request.Stderr, lines).ConfigureAwait(false) });
            return;
        }

        await foreach (var bytes in supervisor.FollowOutputAsync(process, request.Stderr, lines, connection.Closing).ConfigureAwait(false))
            await connection.SendAsync(new ControlReply("output") { Data = bytes }).ConfigureAwait(false);
    }

    /// <summary>
    /// The live feed: past events, then the current snapshot, then every event and (coalesced)
    /// snapshot until the connection closes. The history is read inside the first snapshot
    /// callback, which runs on the engine's loop at the moment of subscribing, so no event falls
    /// between the history and the feed, and none comes twice.
    /// </summary>
    private async Task SubscribeAsync(int history, ControlConnection connection)
    {
        var first = true;
        using var usage = supervisor.WatchUsage();
        using var subscription = supervisor.Subscribe(
            snapshot =>
            {
                if (first)
                {
                    first = false;
                    connection.Send(new ControlReply("events") { Events = supervisor.RecentEvents(history) });
                }

                connection.OfferSnapshot(snapshot);
            },
            engineEvent => connection.Send(new ControlReply("event") { Event = engineEvent }));
        await Task.Delay(Timeout.InfiniteTimeSpan, time, connection.Closing).ConfigureAwait(false);
    }

    private static string MissingField(string op) => op switch
    {
        "run" => "a \"line\"",
        "signal" => "a \"signal\" number and \"processes\"",
        "tail" => "a \"process\"",
        _ => "\"processes\"",
    };
}
