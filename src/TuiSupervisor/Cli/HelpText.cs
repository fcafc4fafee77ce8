namespace TuiSupervisor.Cli;

/// <summary>The text of <c>--help</c> for the program and each subcommand.</summary>
internal static class HelpText
{
    public static string For(CommandKind kind) => kind switch
    {
        CommandKind.Attach => """
            Usage: tuisupervisor attach [-c FILE | -s SOCKET] [--theme NAME] [--no-color]

            Open the TUI against an engine that is already running, through its control socket.
            'q' leaves the client; the engine and its processes keep running.

            Options:
              -c, --config FILE    find the engine's socket from this config
              -s, --socket SOCKET  connect to this socket
              --theme NAME         default, dark, light, high-contrast, monochrome, or themes/NAME.toml
              --no-color           no colours (also when NO_COLOR is set)
              -h, --help           show this help
            """,
        CommandKind.Ctl => """
            Usage: tuisupervisor ctl [-c FILE | -s SOCKET] [--json] COMMAND [ARGS...]

            Send one command to a running engine and print what its headless shell would print.
            Commands: status, start, stop, restart, signal, reload (update), reread,
            tail [-f] [-n N | -N], events [-f] [-n N], pid, shutdown, help.
            Targets: all, GROUP:*, GROUP:NAME, NAME. tail -f and events -f follow until Ctrl-C.

            Exit codes (supervisorctl's): 0 done; 1 an action failed or no such process;
            2 usage; 3 status: a listed process is not running; 4 status of an unknown name,
            or no engine answers at the socket; 7 a start ended in a spawn error.

            Options:
              -c, --config FILE    find the engine's socket from this config
              -s, --socket SOCKET  connect to this socket
              --json               status: a JSON array of processes; other commands: each
                                   reply as JSON (docs/control-protocol.md)
              -h, --help           show this help
            """,
        CommandKind.Check => $"""
            Usage: tuisupervisor check [-c FILE]

            Validate a config without starting anything. Prints 'FILE: OK (N programs, M processes)'
            and exits 0, or prints every problem as FILE:LINE:COL: message and exits 2.

            Options:
              -c, --config FILE    the config to check (default: the first of {Core.Config.ConfigLoader.SearchOrderText},
                                   else the embedded demo config)
              -h, --help           show this help
            """,
        CommandKind.Convert => """
            Usage: tuisupervisor convert SUPERVISORD.conf [-o OUT.toml]

            Write the equivalent TOML config for a supervisord config (and the files its
            [include] names): the same programs and processes, its comments kept, and a
            '# not carried over' comment for everything tuisupervisor does not implement.
            Problems and warnings go to stderr as FILE:LINE:COL: message; a config with
            errors is not converted (exit 2).

            Relative paths and %(here)s stay as written when OUT.toml is in the folder of
            SUPERVISORD.conf; otherwise (and on standard output) they are made absolute.

            Options:
              -o, --output FILE    write here instead of to standard output
              -h, --help           show this help
            """,
        _ => $"""
            Usage: tuisupervisor [-c FILE] [--headless] [--theme NAME] [--no-color]
                   tuisupervisor attach  [-c FILE | -s SOCKET]
                   tuisupervisor ctl     [-c FILE | -s SOCKET] [--json] COMMAND [ARGS...]
                   tuisupervisor check   [-c FILE]
                   tuisupervisor convert SUPERVISORD.conf [-o OUT.toml]
                   tuisupervisor --help | --version

            A process supervisor with a full-screen terminal UI. Runs the programs of a config
            with supervisord's lifecycle, and shows them live.

            Options:
              -c, --config FILE    the config (default: the first of {Core.Config.ConfigLoader.SearchOrderText},
                                   else the embedded demo config)
              --headless           no TUI: the engine and a line-based shell on stdin
              --theme NAME         default, dark, light, high-contrast, monochrome, or themes/NAME.toml
              --no-color           no colours (also when NO_COLOR is set)
              -h, --help           show this help ('tuisupervisor COMMAND --help' for a command)
              --version            show the version
            """,
    };
}
