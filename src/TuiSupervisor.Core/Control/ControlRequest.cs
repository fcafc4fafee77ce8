namespace TuiSupervisor.Core.Control;

/// <summary>
/// One request line on the control socket (docs/control-protocol.md). <see cref="Op"/> says what
/// is asked; only the fields that operation reads need to be present.
/// </summary>
public sealed record ControlRequest
{
    /// <summary>The protocol version the client speaks; the engine refuses any other.</summary>
    public int V { get; init; } = ControlProtocol.Version;

    /// <summary>run, status, snapshot, subscribe, events, start, stop, signal, tail, reload, shutdown.</summary>
    public string Op { get; init; } = "";

    /// <summary>run: a shell command line (tail -f and events -f stream <c>text</c> replies).</summary>
    public string? Line { get; init; }

    /// <summary>status: targets as the shell takes them (none: every process).</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>start, stop, signal: processes by full name.</summary>
    public IReadOnlyList<string>? Processes { get; init; }

    /// <summary>signal: the signal number.</summary>
    public int? Signal { get; init; }

    /// <summary>tail: the process's full name.</summary>
    public string? Process { get; init; }

    /// <summary>tail: stderr instead of stdout.</summary>
    public bool Stderr { get; init; }

    /// <summary>tail: how many lines first; events, subscribe: how many past events first.</summary>
    public int? Count { get; init; }

    /// <summary>tail: keep sending output until the connection closes.</summary>
    public bool Follow { get; init; }

    /// <summary>reload: apply the difference (update) rather than only report it (reread).</summary>
    public bool Apply { get; init; }

    /// <summary>reload with apply: only these groups (supervisorctl's <c>update NAME…</c>); none or <c>all</c>: every group.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
}
