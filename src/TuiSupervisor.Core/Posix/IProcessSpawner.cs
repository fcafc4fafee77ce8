namespace TuiSupervisor.Core.Posix;

/// <summary>
/// The engine's seam to the operating system: start a child, signal its group. Exits arrive
/// separately, from the <see cref="ChildReaper"/> the implementation registers children with.
/// The state machine's tests use a fake.
/// </summary>
internal interface IProcessSpawner
{
    /// <summary>Starts a child in a new session; failures come back as <see cref="SpawnResult.Error"/>.</summary>
    SpawnResult Spawn(SpawnRequest request);

    /// <summary>
    /// Sends <paramref name="signal"/> to the process group of a child this spawner started.
    /// Returns false, without signalling, once the child has been reaped (its pid may already
    /// belong to someone else) or when the group no longer exists.
    /// </summary>
    bool SignalGroup(int pid, int signal);

    bool SignalProcess(int pid, int signal);
}
