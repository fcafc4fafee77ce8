using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Tests.Engine;

/// <summary>
/// Drives <see cref="ProcessStateMachine"/> the way the loop does, on a fake clock: it answers
/// spawns with made-up PIDs (or a failure) and keeps the timers the machine sets, so a test can
/// walk through supervisord's scenarios in microseconds.
/// </summary>
internal sealed class MachineDriver(ProgramConfig program)
{
    private readonly List<(TimerKind Kind, DateTimeOffset Due, long Generation)> _timers = [];
    private int _nextPid = 1000;

    public ProcessRuntime Runtime { get; private set; } = new();

    public DateTimeOffset Now { get; private set; } = new(2026, 11, 21, 22, 13, 0, TimeSpan.Zero);

    public List<ProcessState> States { get; } = [];

    public List<string> Log { get; } = [];

    public List<ProcessEffect.Signal> Signals { get; } = [];

    public List<TimeSpan> RetryDelays { get; } = [];

    public int Spawns { get; private set; }

    /// <summary>When set, spawns fail with this reason instead of making a PID.</summary>
    public string? SpawnError { get; set; }

    public ProcessState State => Runtime.State;

    public static ProgramConfig Program(Func<ProgramConfig, ProgramConfig>? change = null)
    {
        var program = new ProgramConfig { Name = "p", Processes = new([]) };
        return change is null ? program : change(program);
    }

    public void Send(ProcessInput input)
    {
        var transition = ProcessStateMachine.Handle(Runtime, input, program, "p", Now);
        Runtime = transition.Next;
        foreach (var effect in transition.Effects)
            Apply(effect);
    }

    public void Start() => Send(ProcessInput.Start.Instance);

    public void Stop() => Send(ProcessInput.Stop.Instance);

    public void Exit(int code, TimeSpan after)
    {
        Advance(after);
        Send(new ProcessInput.Exited(ProcessExit.Exited(code)));
    }

    public void KilledBy(int signal, TimeSpan after)
    {
        Advance(after);
        Send(new ProcessInput.Exited(ProcessExit.Killed(signal)));
    }

    /// <summary>Moves the clock, firing due timers in order (each with the generation it was set in).</summary>
    public void Advance(TimeSpan by)
    {
        var end = Now + by;
        while (_timers.Where(t => t.Due <= end).OrderBy(t => t.Due).FirstOrDefault() is { Due: var due } timer && due != default)
        {
            _timers.Remove(timer);
            Now = due;
            Send(new ProcessInput.TimerFired(timer.Kind, timer.Generation));
        }

        Now = end;
    }

    private void Apply(ProcessEffect effect)
    {
        switch (effect)
        {
            case ProcessEffect.Spawn:
                Spawns++;
                Send(SpawnError is null ? new ProcessInput.Spawned(_nextPid++) : new ProcessInput.SpawnFailed(SpawnError));
                break;
            case ProcessEffect.SetTimer timer:
                if (timer.Kind == TimerKind.Retry)
                    RetryDelays.Add(timer.Delay);
                _timers.Add((timer.Kind, Now + timer.Delay, timer.Generation));
                break;
            case ProcessEffect.Signal signal:
                Signals.Add(signal);
                break;
            case ProcessEffect.Entered entered:
                States.Add(entered.State);
                break;
            case ProcessEffect.Log log:
                Log.Add(log.Message);
                break;
        }
    }
}
