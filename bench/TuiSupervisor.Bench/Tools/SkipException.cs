namespace TuiSupervisor.Bench.Tools;

/// <summary>A scenario or subject that cannot run on this machine, with the reason shown in the table.</summary>
internal sealed class SkipException(string reason) : Exception(reason);
