namespace TuiSupervisor.Core.Health;

/// <summary>What the checks of one running instance need: shared clients, and the instance's own setting.</summary>
/// <param name="Http">The engine's client for http checks (no redirects followed: a 3xx is an answer), made at the first use.</param>
/// <param name="Exec">Runs exec checks.</param>
/// <param name="Environment">The program's environment, which exec checks run with.</param>
/// <param name="Directory">The program's directory, where exec checks run.</param>
/// <param name="SpawnedAt">When the instance was spawned: a heartbeat must be newer than this.</param>
/// <param name="Time">The engine's clock.</param>
internal sealed record ProbeContext(
    HealthCheckHttp Http,
    ExecProbeRunner Exec,
    IReadOnlyDictionary<string, string> Environment,
    string? Directory,
    DateTimeOffset SpawnedAt,
    TimeProvider Time);
