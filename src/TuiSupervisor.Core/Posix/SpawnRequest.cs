namespace TuiSupervisor.Core.Posix;

/// <summary>What to start and how.</summary>
/// <param name="Command">The argument vector; <c>Command[0]</c> is the program as written. Without a
/// <c>/</c> it is searched on the PATH of <paramref name="Environment"/> (the engine's PATH when that
/// has none); with one it is used as given, so a relative path is relative to
/// <paramref name="WorkingDirectory"/> when that is set.</param>
/// <param name="WorkingDirectory">Directory to start in; null keeps the engine's.</param>
/// <param name="Environment">The complete environment of the child: nothing is added to it.</param>
/// <param name="Umask">File mode creation mask, e.g. 18 for octal 022; null keeps the engine's.</param>
/// <param name="RedirectStderr">Send stderr into the stdout pipe instead of a pipe of its own.</param>
/// <param name="RunAs">Another user to run as, through the executable's trampoline; null runs as the engine's user.</param>
internal sealed record SpawnRequest(
    IReadOnlyList<string> Command,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    int? Umask,
    bool RedirectStderr,
    SpawnAs? RunAs = null);
