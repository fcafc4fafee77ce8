namespace TuiSupervisor.Core.Engine;

/// <summary>
/// Something the engine did or saw: a state change, a health or limit verdict, a reload, an
/// operator action. <paramref name="Process"/> is the process's full name, null for the engine itself.
/// </summary>
public sealed record EngineEvent(long Sequence, DateTimeOffset Time, string? Process, EventLevel Level, string Message, EventKind Kind = EventKind.Engine);
