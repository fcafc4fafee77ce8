using System.Globalization;
using System.Net.Sockets;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Config.Values;

namespace TuiSupervisor.Core.Health;

/// <summary>
/// Runs one health check once, off the engine's loop. Every check ends by its <c>timeout</c>
/// (a hung server or command counts as a failure then); expected failures (refused connections,
/// bad statuses, exit codes) are results, not exceptions.
/// </summary>
internal static class HealthProbe
{
    public static async Task<ProbeResult> RunAsync(HealthCheckConfig check, ProbeContext context, CancellationToken stopping)
    {
        var time = context.Time;
        var started = time.GetTimestamp();
        ProbeOutcome outcome;
        string output;
        using (var timeout = new CancellationTokenSource(check.Timeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token))
        {
            try
            {
                (outcome, output) = check.Type switch
                {
                    HealthCheckType.Tcp => await TcpAsync(check, linked.Token).ConfigureAwait(false),
                    HealthCheckType.Http => await HttpProbe.RunAsync(check, context.Http.Client, linked.Token).ConfigureAwait(false),
                    HealthCheckType.Exec => await ExecAsync(check, context, linked.Token).ConfigureAwait(false),
                    _ => HeartbeatProbe.Look(check, context.SpawnedAt, time.GetUtcNow()),
                };
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                (outcome, output) = (ProbeOutcome.Failed, string.Create(CultureInfo.InvariantCulture, $"no answer within the timeout ({check.Timeout.TotalSeconds:0.###} s)"));
            }
            catch (Exception e) when (e is SocketException or HttpRequestException or IOException)
            {
                (outcome, output) = (ProbeOutcome.Failed, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
            }
        }

        return new ProbeResult(outcome, output, time.GetElapsedTime(started), time.GetUtcNow());
    }

    private static async Task<(ProbeOutcome, string)> TcpAsync(HealthCheckConfig check, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(check.Host, check.Port ?? 0, cancellationToken).ConfigureAwait(false);
        return (ProbeOutcome.Passed, string.Create(CultureInfo.InvariantCulture, $"connected to {check.Host}:{check.Port}"));
    }

    private static async Task<(ProbeOutcome, string)> ExecAsync(HealthCheckConfig check, ProbeContext context, CancellationToken cancellationToken)
    {
        if (!CommandLine.TrySplit(check.Command ?? "", out var command, out var error) || command.Count == 0)
            return (ProbeOutcome.Failed, $"cannot run the check: {(command.Count == 0 ? "empty command" : error)}");
        return await context.Exec.RunAsync(command, context.Directory, context.Environment, cancellationToken).ConfigureAwait(false);
    }
}
