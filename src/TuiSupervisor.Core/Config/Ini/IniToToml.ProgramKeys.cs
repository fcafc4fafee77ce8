using TuiSupervisor.Core.Config.Values;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Config.Ini;

internal sealed partial class IniToToml
{
    /// <summary>The keys of <c>[program:x]</c> as <c>[programs.x]</c>.</summary>
    private sealed class ProgramKeys(IniToToml owner, IniSection section, ProgramConfig program)
    {
        private static readonly Dictionary<string, string> Unimplemented = new(StringComparer.Ordinal)
        {
            ["stdout_capture_maxbytes"] = "capture mode (for event listeners) is not implemented",
            ["stderr_capture_maxbytes"] = "capture mode (for event listeners) is not implemented",
            ["stdout_events_enabled"] = "event listeners are not implemented",
            ["stderr_events_enabled"] = "event listeners are not implemented",
            ["stdout_syslog"] = "syslog output is not implemented",
            ["stderr_syslog"] = "syslog output is not implemented",
            ["serverurl"] = "SUPERVISOR_SERVER_URL is not set for children",
        };

        private readonly ProcessConfig? _first = program.Processes.Count > 0 ? program.Processes[0] : null;

        /// <summary>What <c>%(ENV_X)s</c> names the config sets for this program: the supervisor's environment and the program's own.</summary>
        private IReadOnlyDictionary<string, string> ConfigEnvironment => _first?.Environment ?? owner._config.Supervisor.Environment;

        public void Write()
        {
            foreach (var entry in owner.Entries(section))
            {
                if (!WriteKnown(entry))
                    owner.NotCarried(entry, Unimplemented.GetValueOrDefault(entry.Key, "supervisord does not know this key either"));
            }
        }

        private bool WriteKnown(IniEntry entry)
        {
            switch (entry.Key)
            {
                case "command":
                    owner.Key(entry, TomlText.String(Command(entry.Value)));
                    return true;
                case "user" when program.User is { } user:
                    owner.TypedKey(entry, TomlText.String(user));
                    return true;
                case "process_name":
                    owner.Key(entry, TomlText.String(owner.Portable(entry.Value, ConfigEnvironment)));
                    return true;
                case "directory":
                    owner.Key(entry, TomlText.String(owner.PortablePath(entry.Value, ConfigEnvironment)));
                    return true;
                case "stdout_logfile" or "stderr_logfile":
                    WriteLogFile(entry);
                    return true;
                case "environment":
                    WriteEnvironment(entry);
                    return true;
                case "exitcodes":
                    owner.TypedKey(entry, TomlText.Array(program.ExitCodes.Select(c => TomlText.Integer(c))));
                    return true;
                case "stopsignal":
                    // A name where the signal has one; a number (a real-time signal) as it is.
                    var name = Signals.Name(program.StopSignal);
                    owner.TypedKey(entry, name.StartsWith("SIG", StringComparison.Ordinal) ? TomlText.String(name[3..]) : TomlText.Integer(program.StopSignal));
                    return true;
                case "autorestart":
                    owner.TypedKey(entry, program.AutoRestart switch
                    {
                        AutoRestart.Always => "true",
                        AutoRestart.Never => "false",
                        _ => "\"unexpected\"",
                    });
                    return true;
                case "umask" when program.Umask is { } umask:
                    owner.TypedKey(entry, TomlText.String(Octal(umask)));
                    return true;
            }

            if (Typed(entry.Key) is not { } value)
                return false;
            owner.TypedKey(entry, value);
            return true;
        }

        /// <summary>The other typed keys, as read.</summary>
        private string? Typed(string key) => key switch
        {
            "priority" => TomlText.Integer(program.Priority),
            "autostart" => TomlText.Bool(program.AutoStart),
            "startsecs" => TomlText.Integer((long)program.StartSecs.TotalSeconds),
            "startretries" => TomlText.Integer(program.StartRetries),
            "stopwaitsecs" => TomlText.Integer((long)program.StopWait.TotalSeconds),
            "stopasgroup" => TomlText.Bool(program.StopAsGroup),
            "killasgroup" => TomlText.Bool(program.KillAsGroup),
            "redirect_stderr" => TomlText.Bool(program.RedirectStderr),
            "numprocs" => TomlText.Integer(program.NumProcs),
            "numprocs_start" => TomlText.Integer(program.NumProcsStart),
            "stdout_logfile_maxbytes" when _first is not null => TomlText.Integer(_first.Stdout.MaxBytes),
            "stdout_logfile_backups" when _first is not null => TomlText.Integer(_first.Stdout.Backups),
            "stderr_logfile_maxbytes" when _first is not null => TomlText.Integer(_first.Stderr.MaxBytes),
            "stderr_logfile_backups" when _first is not null => TomlText.Integer(_first.Stderr.Backups),
            _ => null,
        };

        private void WriteLogFile(IniEntry entry)
        {
            var path = owner.PortablePath(entry.Value, ConfigEnvironment);
            var upper = path.ToUpperInvariant();
            if (entry.Key == "stderr_logfile" && program.RedirectStderr)
            {
                owner.NotCarried(entry, "redirect_stderr = true sends stderr to the stdout log (supervisord ignores this file too)");
                return;
            }

            owner.Key(entry, TomlText.String(upper switch
            {
                "AUTO" => "AUTO",
                "NONE" or "OFF" or "SYSLOG" => "NONE",
                _ => path,
            }));
        }

        /// <summary>
        /// The program's own variables (the supervisor's are in <c>[supervisor]</c>). Read from the
        /// text as written, with each <c>%(…)</c> kept, so that per-process values stay per process.
        /// </summary>
        private void WriteEnvironment(IniEntry entry)
        {
            var specs = new List<string>();
            var protectedText = ExpansionSpec().Replace(entry.Value, m =>
            {
                specs.Add(m.Value);
                return $"zzexpansion{specs.Count - 1}zz";
            });
            string Restore(string text) => ProtectedSpec().Replace(text, m => specs[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);

            var supervisorEnvironment = owner._config.Supervisor.Environment;
            IEnumerable<KeyValuePair<string, string>> pairs;
            if (IniEnvironment.TryParse(protectedText, out var parsed, out _))
                pairs = parsed.Select(p => new KeyValuePair<string, string>(Restore(p.Key), owner.Portable(Restore(p.Value), supervisorEnvironment)));
            else
                pairs = (_first?.Environment ?? EquatableMap.Empty).Where(e => !supervisorEnvironment.TryGetValue(e.Key, out var v) || v != e.Value)
                    .Select(e => new KeyValuePair<string, string>(e.Key, e.Value.Replace("%", "%%", StringComparison.Ordinal)));
            owner.Key(entry, TomlText.InlineTable(pairs), IniEnvironment.Lossy(entry.Value) ? EnvironmentNote : null);
        }

        /// <summary>
        /// The command; a relative program path (<c>bin/server</c>) made absolute when the TOML file
        /// goes elsewhere and no <c>directory</c> anchors it.
        /// </summary>
        private string Command(string raw)
        {
            var command = owner.Portable(raw, ConfigEnvironment);
            if (!owner.Relocating || owner._document.Get(section, "directory") is not null || !CommandLine.TrySplit(command, out var arguments, out _) || arguments.Count == 0)
                return command;
            var program = arguments[0];
            var start = command.Length - command.TrimStart().Length;
            var unknowable = program.StartsWith("%(", StringComparison.Ordinal) && !program.StartsWith("%(ENV_", StringComparison.Ordinal);
            if (!program.Contains('/', StringComparison.Ordinal) || unknowable || owner.StartsAbsolute(program, ConfigEnvironment)
                || !command.AsSpan(start).StartsWith(program, StringComparison.Ordinal))
                return command;
            return command[..start] + owner._mainFolder + "/" + command[start..];
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"%\([^)]*\)[#0\- +]*[0-9]*[sdixXo]")]
    private static partial System.Text.RegularExpressions.Regex ExpansionSpec();

    [System.Text.RegularExpressions.GeneratedRegex(@"zzexpansion([0-9]+)zz")]
    private static partial System.Text.RegularExpressions.Regex ProtectedSpec();
}
