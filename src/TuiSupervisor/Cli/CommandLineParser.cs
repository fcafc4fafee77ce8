namespace TuiSupervisor.Cli;

/// <summary>
/// Parses spec section 2's command line. Hand-written rather than System.CommandLine: the grammar
/// is small, and start-up time counts (the first <c>status</c> answer is a benchmark figure).
/// </summary>
internal static class CommandLineParser
{
    private static readonly Dictionary<string, CommandKind> Subcommands = new(StringComparer.Ordinal)
    {
        ["attach"] = CommandKind.Attach,
        ["ctl"] = CommandKind.Ctl,
        ["check"] = CommandKind.Check,
        ["convert"] = CommandKind.Convert,
    };

    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        var kind = CommandKind.Run;
        var start = 0;
        if (args.Count > 0 && Subcommands.TryGetValue(args[0], out var sub))
        {
            kind = sub;
            start = 1;
        }

        var command = new ParsedCommand(kind);
        var positional = new List<string>();
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];

            // ctl passes everything after its command name through: "ctl tail -f web" must not read -f itself.
            if (kind == CommandKind.Ctl && positional.Count > 0)
            {
                positional.Add(arg);
                continue;
            }

            var (name, inlineValue) = SplitInlineValue(arg);
            string Value()
            {
                if (inlineValue is not null)
                    return inlineValue;
                if (i + 1 >= args.Count)
                    throw new UsageException($"option '{name}' needs a value", kind);
                return args[++i];
            }

            switch (name)
            {
                case "-h" or "--help":
                    return new ParsedCommand(CommandKind.Help) { HelpFor = kind };
                case "--version" when kind == CommandKind.Run:
                    return new ParsedCommand(CommandKind.Version);
                case "-c" or "--config" when kind is not CommandKind.Convert:
                    command = command with { ConfigPath = Value() };
                    break;
                case "-s" or "--socket" when kind is CommandKind.Attach or CommandKind.Ctl:
                    command = command with { SocketPath = Value() };
                    break;
                case "--headless" when kind == CommandKind.Run:
                    command = command with { Headless = true };
                    break;
                case "--theme" when kind is CommandKind.Run or CommandKind.Attach:
                    command = command with { Theme = Value() };
                    break;
                case "--no-color" when kind is CommandKind.Run or CommandKind.Attach:
                    command = command with { NoColor = true };
                    break;
                case "--json" when kind == CommandKind.Ctl:
                    command = command with { Json = true };
                    break;
                case "-o" or "--output" when kind == CommandKind.Convert:
                    command = command with { OutputPath = Value() };
                    break;
                case "--":
                    positional.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                        throw new UsageException($"unknown option '{arg}'", kind);
                    positional.Add(arg);
                    break;
            }
        }

        Validate(kind, positional, command);
        return command with { Arguments = positional };
    }

    private static void Validate(CommandKind kind, List<string> positional, ParsedCommand command)
    {
        switch (kind)
        {
            case CommandKind.Run or CommandKind.Attach or CommandKind.Check when positional.Count > 0:
                throw new UsageException($"unexpected argument '{positional[0]}'", kind);
            case CommandKind.Ctl when positional.Count == 0:
                throw new UsageException("ctl needs a command, e.g. 'ctl status'", kind);
            case CommandKind.Convert when positional.Count != 1:
                throw new UsageException(positional.Count == 0 ? "convert needs the supervisord config to read" : $"unexpected argument '{positional[1]}'", kind);
            case CommandKind.Attach or CommandKind.Ctl when command.ConfigPath is not null && command.SocketPath is not null:
                throw new UsageException("give either -c FILE or -s SOCKET, not both", kind);
        }
    }

    private static (string Name, string? Value) SplitInlineValue(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
            return (arg, null);
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }
}
