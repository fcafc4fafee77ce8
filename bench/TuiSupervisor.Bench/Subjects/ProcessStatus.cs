namespace TuiSupervisor.Bench.Subjects;

/// <summary>One process as a supervisor reports it; State uses supervisord's names (pm2's are mapped).</summary>
internal sealed record ProcessStatus(string Name, string State, int? Pid)
{
    public bool IsRunning => State == "RUNNING";
}
