using System.Globalization;

namespace TuiSupervisor.Core.Commands;

/// <summary>
/// <c>tail [-f] [-n N | -N] NAME [stdout|stderr]</c>. supervisorctl's forms mean what they mean
/// there: <c>-f</c> follows, <c>-100</c> is the last 100 <em>bytes</em> (scripts written for it
/// keep working), and its error texts are kept; <c>-n N</c> (the last N lines, 20 by default)
/// is ours.
/// </summary>
internal sealed record TailArguments(string Name, bool Stderr, bool Follow, int Lines, int? Bytes)
{
    public const int DefaultLines = 20;

    /// <summary>The arguments, or null and the error to print (supervisorctl's words where it has them).</summary>
    public static TailArguments? Parse(IReadOnlyList<string> args, out IReadOnlyList<string> error)
    {
        error = [];
        if (args.Count == 0)
        {
            error = ["Error: too few arguments", .. CommandHelp.For("tail")];
            return null;
        }

        var (follow, lines, bytes) = (false, DefaultLines, (int?)null);
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "-f")
            {
                follow = true;
            }
            else if (arg == "-n")
            {
                if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out lines))
                {
                    error = [i + 1 >= args.Count ? "Error: -n needs a number of lines" : $"Error: -n needs a number of lines, not '{args[i + 1]}'"];
                    return null;
                }

                i++;
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                if (!int.TryParse(arg.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    error = [$"Error: bad argument {arg}"];
                    return null;
                }

                bytes = count;
            }
            else
            {
                positional.Add(arg);
            }
        }

        switch (positional.Count)
        {
            case 0:
                error = ["Error: tail requires process name"];
                return null;
            case > 2:
                error = ["Error: too many arguments", .. CommandHelp.For("tail")];
                return null;
        }

        var channel = positional.Count == 2 ? positional[1].ToLowerInvariant() : "stdout";
        if (channel is not ("stdout" or "stderr"))
        {
            error = [$"Error: bad channel '{channel}'"];
            return null;
        }

        if (follow && bytes is not null)
        {
            error = ["Error: tail -f takes no byte count; use -n N to start with the last N lines"];
            return null;
        }

        return new TailArguments(positional[0], channel == "stderr", follow, lines, bytes);
    }
}
