namespace TuiSupervisor.Core.Config.Ini;

internal sealed partial class IniToToml
{
    /// <summary>The keys of <c>[supervisord]</c> as <c>[supervisor]</c>.</summary>
    private sealed class SupervisorKeys(IniToToml owner, IniSection section)
    {
        private static readonly Dictionary<string, string> Unimplemented = new(StringComparer.Ordinal)
        {
            ["nodaemon"] = "tuisupervisor always stays in the foreground",
            ["silent"] = "the activity still goes to stderr",
            ["minfds"] = "not implemented",
            ["minprocs"] = "not implemented",
            ["directory"] = "not implemented: tuisupervisor does not change its own folder",
            ["user"] = "not implemented: run tuisupervisor as the user it should be",
            ["identifier"] = "not implemented",
            ["nocleanup"] = "not implemented: AUTO child logs are kept",
            ["strip_ansi"] = "not implemented: log files keep escape sequences",
        };

        private readonly SupervisorSettings _settings = owner._config.Supervisor;
        private readonly Dictionary<string, string> _noEnvironment = [];

        public void Write()
        {
            foreach (var entry in owner.Entries(section))
            {
                switch (entry.Key)
                {
                    case "logfile" or "pidfile" or "childlogdir":
                        owner.Key(entry, TomlText.String(owner.PortablePath(entry.Value, _noEnvironment)));
                        break;
                    case "logfile_maxbytes":
                        owner.TypedKey(entry, TomlText.Integer(_settings.LogFileMaxBytes));
                        break;
                    case "logfile_backups":
                        owner.TypedKey(entry, TomlText.Integer(_settings.LogFileBackups));
                        break;
                    case "loglevel":
                        owner.TypedKey(entry, TomlText.String(_settings.LogLevel.ToString().ToLowerInvariant()));
                        break;
                    case "umask":
                        owner.TypedKey(entry, TomlText.String(Octal(_settings.Umask)));
                        break;
                    case "environment":
                        var escaped = _settings.Environment.Select(e => new KeyValuePair<string, string>(e.Key, e.Value.Replace("%", "%%", StringComparison.Ordinal)));
                        owner.Key(entry, TomlText.InlineTable(escaped), IniEnvironment.Lossy(entry.Value) ? EnvironmentNote : null);
                        break;
                    default:
                        owner.NotCarried(entry, Unimplemented.GetValueOrDefault(entry.Key, "supervisord does not know this key either"));
                        break;
                }
            }

            // supervisord's defaults for these differ from tuisupervisor's, so they are written out.
            if (section.Find("logfile") is null)
                owner.Line($"logfile = {TomlText.String(_settings.LogFile)}  # supervisord's default");
            if (section.Find("pidfile") is null)
                owner.Line($"pidfile = {TomlText.String(_settings.PidFile)}  # supervisord's default");
            if (section.Find("childlogdir") is null)
                owner.Line($"childlogdir = {TomlText.String(_settings.ChildLogDir)}  # supervisord's default");
        }
    }

    private const string EnvironmentNote =
        "supervisord cuts unquoted values at characters other than letters, digits and _/.+-():, and reads only "
        + "the pairs separated by commas: this table is what it read; quote such values in the original";

    private static string Octal(int value) => Convert.ToString(value, 8).PadLeft(3, '0');
}
