using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// supervisord's rules for <c>user</c> (its <c>drop_privileges</c>), decided at each spawn so that
/// a config written for another machine still loads: the engine's own user needs no switch, only
/// root can switch, and an unknown account is that program's spawn error.
/// </summary>
internal static class UserSwitchPlan
{
    /// <summary>Null with a null <paramref name="runAs"/>: run as the engine's user. Otherwise the spawn error.</summary>
    public static string? Decide(string? user, IReadOnlyList<string>? launcher, out SpawnAs? runAs)
    {
        runAs = null;
        if (user is null)
            return null;
        if (UserAccount.Find(user) is not { } account)
            return $"couldn't setuid to {user}: Can't find username '{user}'";
        if (account.Uid == Interop.geteuid())
            return null;
        if (Interop.geteuid() != 0)
            return $"couldn't setuid to {account.Uid}: Can't drop privilege as nonroot user";
        if (launcher is null)
            return $"couldn't setuid to {account.Uid}: switching users needs the tuisupervisor executable";
        runAs = new SpawnAs(account, launcher);
        return null;
    }
}
