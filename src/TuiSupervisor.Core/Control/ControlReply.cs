using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Control;

/// <summary>
/// One reply line on the control socket. <see cref="Type"/> says which fields are present
/// (docs/control-protocol.md); absent ones are left out of the JSON.
/// </summary>
public sealed record ControlReply(string Type)
{
    public int V { get; init; } = ControlProtocol.Version;

    /// <summary>hello: the engine's PID.</summary>
    public int? Pid { get; init; }

    /// <summary>result, status, reload: what the shell would print.</summary>
    public IReadOnlyList<string>? Lines { get; init; }

    /// <summary>result, status: supervisorctl's exit code.</summary>
    public int? Exit { get; init; }

    /// <summary>text: a piece of a followed stream, printed as is.</summary>
    public string? Text { get; init; }

    /// <summary>status: the processes, in status order.</summary>
    public IReadOnlyList<ProcessStatus>? Processes { get; init; }

    public EngineSnapshot? Snapshot { get; init; }

    public EngineEvent? Event { get; init; }

    /// <summary>events: past events, oldest first.</summary>
    public IReadOnlyList<EngineEvent>? Events { get; init; }

    /// <summary>actions: what start, stop or signal did to each process.</summary>
    public IReadOnlyList<ActionResult>? Results { get; init; }

    /// <summary>output: raw bytes of a process's output (base64 in JSON).</summary>
    public byte[]? Data { get; init; }

    /// <summary>reload: the config had errors and nothing changed.</summary>
    public bool? Failed { get; init; }

    /// <summary>reload: refused (the engine is shutting down); the lines say why.</summary>
    public bool? Refused { get; init; }

    /// <summary>error: what was wrong; the engine closes the connection after it.</summary>
    public string? Error { get; init; }

    public static ControlReply Fail(string message) => new("error") { Error = message };
}
