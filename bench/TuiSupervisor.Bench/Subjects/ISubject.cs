namespace TuiSupervisor.Bench.Subjects;

/// <summary>A supervisor under test: ours, supervisord or pm2.</summary>
internal interface ISubject
{
    string Name { get; }

    /// <summary>Why it cannot run here, or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>Starts the supervisor on <paramref name="programs"/>, in a scratch <paramref name="folder"/>.</summary>
    Task<IRunningSupervisor> StartAsync(string folder, IReadOnlyList<BenchProgram> programs);
}
