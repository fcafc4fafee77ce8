using System.Diagnostics.CodeAnalysis;

namespace TuiSupervisor.Core.Posix;

/// <summary>Either a started child or the reason none was started: a spawn error is data, not an exception.</summary>
internal sealed class SpawnResult
{
    private SpawnResult(SpawnedChild? child, SpawnError? error)
    {
        Child = child;
        Error = error;
    }

    public SpawnedChild? Child { get; }

    public SpawnError? Error { get; }

    [MemberNotNullWhen(true, nameof(Child))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Child is not null;

    public static SpawnResult Started(SpawnedChild child) => new(child, null);

    public static SpawnResult Failed(SpawnError error) => new(null, error);
}
