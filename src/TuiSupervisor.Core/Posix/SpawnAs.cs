namespace TuiSupervisor.Core.Posix;

/// <summary>Run the program as <paramref name="Account"/> through <paramref name="Launcher"/>, our own executable (see <see cref="UserSwitch"/>).</summary>
internal sealed record SpawnAs(UserAccount Account, IReadOnlyList<string> Launcher);
