namespace TuiSupervisor.Core.Commands;

/// <summary>supervisorctl's exit codes (spec section 2), so that scripts written for it keep working.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ActionFailed = 1;
    public const int UsageOrConfig = 2;
    public const int NotRunning = 3;
    public const int UnknownOrNoEngine = 4;
    public const int SpawnError = 7;
}
