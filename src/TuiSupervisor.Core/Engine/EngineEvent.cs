namespace TuiSupervisor.Core.Engine;

/// <summary>Something the engine did or saw: a state change, a spawn error, an operator action.</summary>
public sealed record EngineEvent(long Sequence, DateTimeOffset Time, string? Process, EventLevel Level, string Message);
