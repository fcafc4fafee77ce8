namespace TuiSupervisor.Core.Control;

/// <summary>The control socket's fixed numbers (docs/control-protocol.md).</summary>
public static class ControlProtocol
{
    public const int Version = 1;

    /// <summary>The longest request line the engine reads; a longer one is refused without being buffered.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>The longest reply line a client reads (a snapshot of many processes is big, but not this big).</summary>
    public const int MaxReplyBytes = 64 * 1024 * 1024;

    /// <summary>Replies queued for one client before it counts as not reading and is dropped.</summary>
    public const int OutgoingQueueLength = 256;

    /// <summary>Connections served at once; more are refused with an error line.</summary>
    public const int MaxConnections = 64;
}
