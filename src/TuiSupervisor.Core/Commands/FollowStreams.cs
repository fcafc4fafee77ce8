using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Commands;

/// <summary>
/// <c>tail -f</c> and <c>events -f</c>: text that keeps coming until the caller cancels (Ctrl-C in
/// the shell or <c>ctl</c>, a closed connection on the socket). Each piece is written as is, line
/// ends included, so a partial line of a child's output shows at once.
/// </summary>
internal static class FollowStreams
{
    /// <summary>Events queued for a slow writer before the oldest are dropped; events -f is for watching, not auditing.</summary>
    private const int EventBacklog = 10_000;

    public static async Task TailAsync(ISupervisor supervisor, string process, bool stderr, int lines, Func<string, ValueTask> write, CancellationToken cancellationToken)
    {
        // One decoder for the whole stream: a multi-byte character split across two reads stays whole.
        var decoder = Encoding.UTF8.GetDecoder();
        await foreach (var bytes in supervisor.FollowOutputAsync(process, stderr, lines, cancellationToken).ConfigureAwait(false))
        {
            var chars = new char[decoder.GetCharCount(bytes, flush: false)];
            decoder.GetChars(bytes, chars, flush: false);
            if (chars.Length > 0)
                await write(new string(chars)).ConfigureAwait(false);
        }
    }

    public static async Task EventsAsync(ISupervisor supervisor, int count, Func<string, ValueTask> write, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<EngineEvent>(new BoundedChannelOptions(EventBacklog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        // Subscribed before the history is read, so no event falls between the two; the
        // sequence numbers drop the ones both give.
        using var subscription = supervisor.Subscribe(_ => { }, e => queue.Writer.TryWrite(e));
        var seen = 0L;
        foreach (var engineEvent in supervisor.RecentEvents(count))
        {
            await write(EventText.Format(engineEvent) + "\n").ConfigureAwait(false);
            seen = engineEvent.Sequence;
        }

        await foreach (var engineEvent in ReadUntilCancelled(queue.Reader, cancellationToken).ConfigureAwait(false))
        {
            if (engineEvent.Sequence > seen)
                await write(EventText.Format(engineEvent) + "\n").ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<T> ReadUntilCancelled<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    yield break;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            while (reader.TryRead(out var item))
                yield return item;
        }
    }
}
