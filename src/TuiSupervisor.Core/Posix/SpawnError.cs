namespace TuiSupervisor.Core.Posix;

/// <summary>An expected spawn failure; <paramref name="Message"/> uses supervisord's wording where it has one.</summary>
internal sealed record SpawnError(SpawnErrorKind Kind, string Message);
