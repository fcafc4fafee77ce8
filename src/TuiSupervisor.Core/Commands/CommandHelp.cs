namespace TuiSupervisor.Core.Commands;

/// <summary>
/// <c>help COMMAND</c>, and the usage printed after a command's argument error. Commands that
/// mean what supervisorctl's mean print supervisorctl 4.2.5's text, tabs and all (compared side
/// by side), with "the engine" where it says supervisord; ours (<c>events</c>, <c>reload</c>,
/// <c>tail -n</c>) follow its layout.
/// </summary>
public static class CommandHelp
{
    /// <summary>The help of <paramref name="command"/>, or supervisorctl's <c>*** No help on …</c>.</summary>
    public static IReadOnlyList<string> For(string command) => command switch
    {
        "status" =>
        [
            "status <name>\t\tGet status for a single process",
            "status <gname>:*\tGet status for all processes in a group",
            "status <name> <name>\tGet status for multiple named processes",
            "status\t\t\tGet all process status info",
        ],
        "start" => Action("start", "Start"),
        "stop" => Action("stop", "Stop"),
        "restart" =>
        [
            "restart <name>\t\tRestart a process",
            "restart <gname>:*\tRestart all processes in a group",
            "restart <name> <name>\tRestart multiple processes or groups",
            "restart all\t\tRestart all processes",
            "Note: restart does not reread config files. For that, see reread and update.",
        ],
        "signal" =>
        [
            "signal <signal name> <name>\t\tSignal a process",
            "signal <signal name> <gname>:*\t\tSignal all processes in a group",
            "signal <signal name> <name> <name>\tSignal multiple processes or groups",
            "signal <signal name> all\t\tSignal all processes",
        ],
        "update" =>
        [
            "update\t\t\tReload config and add/remove as necessary, and will restart affected programs",
            "update all\t\tReload config and add/remove as necessary, and will restart affected programs",
            "update <gname> [...]\tUpdate specific groups",
        ],
        "reload" =>
        [
            "reload\t\t\tThe same as update: reload config, add/remove as necessary, restart affected programs",
            "reload <gname> [...]\tUpdate specific groups",
            "Note: unlike supervisorctl's reload, unchanged programs keep running and the engine stays up.",
        ],
        "reread" => ["reread \t\t\tReload the daemon's configuration files without add/remove"],
        "tail" =>
        [
            "tail [-f] [-n N | -N] <name> [stdout|stderr] (default stdout)",
            "Ex:",
            "tail -f <name>\t\tContinuous tail of named process stdout",
            "\t\t\tCtrl-C to exit.",
            "tail -100 <name>\tlast 100 *bytes* of process stdout",
            "tail -n 100 <name>\tlast 100 lines of process stdout",
            "tail <name> stderr\tlast 20 lines of process stderr",
        ],
        "events" =>
        [
            "events [-n N]\t\tThe engine's last N events (default 20): state changes, health, limits, reloads, operator actions",
            "events -f\t\tThe last events, then each new one as it happens",
            "\t\t\tCtrl-C to exit.",
        ],
        "pid" =>
        [
            "pid\t\t\tGet the PID of the engine.",
            "pid <name>\t\tGet the PID of a single child process by name.",
            "pid all\t\t\tGet the PID of every child process, one per line.",
        ],
        "help" =>
        [
            "help\t\tPrint a list of available actions",
            "help <action>\tPrint help for <action>",
        ],
        "shutdown" => ["shutdown \tShut the engine down."],
        "quit" or "exit" => [$"{command}\tExit the shell (the headless shell's engine stops every process and ends)."],
        _ => [$"*** No help on {command}"],
    };

    /// <summary>supervisorctl's usage of start and stop, which differ only in the verb.</summary>
    private static List<string> Action(string verb, string action) =>
    [
        $"{verb} <name>\t\t{action} a process",
        $"{verb} <gname>:*\t\t{action} all processes in a group",
        $"{verb} <name> <name>\t{action} multiple processes or groups",
        $"{verb} all\t\t{action} all processes",
    ];
}
