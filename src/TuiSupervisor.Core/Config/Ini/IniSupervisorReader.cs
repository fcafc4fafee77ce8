using TuiSupervisor.Core.Config.Binding;

namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// Reads <c>[supervisord]</c> into <see cref="SupervisorSettings"/>. Every key supervisord reads is
/// read and checked here too (so that what it rejects is rejected); the ones the engine has no use
/// for are warnings when they would change something.
/// </summary>
internal static class IniSupervisorReader
{
    /// <summary>The settings, and the <c>[supervisord] environment</c> that later sections see as <c>ENV_</c> names.</summary>
    public static SupervisorSettings Read(IniSectionReader reader, BindingContext context, IReadOnlyDictionary<string, object> names)
    {
        string Path(string key, string fallback) => IniPaths.Resolve(reader.Text(key, names) ?? fallback, context);

        // Keys the engine has no use for are still read: supervisord refuses a bad value or expansion in them.
        reader.Integer("minfds", names, 1024);
        reader.Integer("minprocs", names, 200);
        reader.Text("directory", names);
        reader.Text("user", names);
        var umask = reader.Typed("umask", names, Convert.ToInt32("022", 8), IniValues.Octal, "an octal umask such as 022");
        var settings = new SupervisorSettings
        {
            LogFile = Path("logfile", "supervisord.log"),
            LogFileMaxBytes = reader.Size("logfile_maxbytes", names, 50L * 1024 * 1024),
            LogFileBackups = (int)reader.Integer("logfile_backups", names, 10, 0, 1000),
            LogLevel = reader.Typed("loglevel", names, LogLevel.Info, IniValues.Level, "a log level (critical, error, warn, info, debug, trace, blather)"),
            PidFile = Path("pidfile", "supervisord.pid"),
            ChildLogDir = Path("childlogdir", System.IO.Path.GetTempPath().TrimEnd('/')),
            Umask = umask,
        };
        reader.Text("identifier", names);
        var nodaemon = reader.Bool("nodaemon", names, false);
        var silent = reader.Bool("silent", names, false);
        reader.Bool("nocleanup", names, false);
        reader.Bool("strip_ansi", names, false);

        var environment = new List<KeyValuePair<string, string>>();
        var withHost = new Dictionary<string, object>(names) { ["host_node_name"] = context.HostName };
        if (reader.Text("environment", names) is { } first && reader.Entry("environment") is { } entry)
        {
            if (!IniExpander.TryExpand(first, withHost, out var text, out var error) || !IniEnvironment.TryParse(text, out environment, out error))
                reader.Error(entry, error);
        }

        WarnAboutUnused(reader, nodaemon, silent);
        reader.ReportUnknownKeys();
        return settings with { Environment = settings.Environment.Merge(environment) };
    }

    private static void WarnAboutUnused(IniSectionReader reader, bool nodaemon, bool silent)
    {
        if (!nodaemon && reader.Entry("nodaemon") is { } daemon)
            reader.Warning(daemon, "tuisupervisor never daemonizes: it stays in the foreground (run it under systemd, nohup or tmux)");
        if (silent && reader.Entry("silent") is { } quiet)
            reader.Warning(quiet, "not implemented: the activity log still goes to stderr");
        foreach (var key in new[] { "minfds", "minprocs", "directory", "user", "identifier", "nocleanup", "strip_ansi" })
        {
            if (reader.Section.Find(key) is { } unused)
                reader.Warning(unused, "not implemented by tuisupervisor; it has no effect");
        }
    }
}
