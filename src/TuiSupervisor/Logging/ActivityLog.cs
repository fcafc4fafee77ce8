using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Engine;
using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Logging;

/// <summary>
/// The activity log (spec section 5): every engine event, through Serilog into
/// <c>[supervisor] logfile</c>, rotated by size into <c>logfile_backups</c> files named as
/// supervisord names them (<see cref="RotatingFileSink"/>). The one place Serilog is configured;
/// the engine itself only emits events.
/// </summary>
internal sealed class ActivityLog : IDisposable
{
    private readonly Serilog.Core.Logger _logger;
    private readonly ActivityLogFile _file;
    private readonly IDisposable _subscription;

    private ActivityLog(Serilog.Core.Logger logger, ActivityLogFile file, ISupervisor supervisor)
    {
        _logger = logger;
        _file = file;
        _subscription = supervisor.Subscribe(_ => { }, Write);
    }

    /// <summary>Starts logging the engine's events; null when the config says <c>logfile = "NONE"</c>.</summary>
    public static ActivityLog? Start(SupervisorSettings settings, Supervisor supervisor)
    {
        if (Path.GetFileName(settings.LogFile).Equals("NONE", StringComparison.OrdinalIgnoreCase))
            return null;

        // Created like a child's log folder (supervisord refuses a missing one); a folder that
        // cannot be made shows as the file's own failure, once, and is retried.
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(settings.LogFile)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported by the file, which names the folder that is in the way.
        }

        var file = new ActivityLogFile(
            settings.LogFile,
            settings.LogFileMaxBytes,
            settings.LogFileBackups,
            (message, recovered) => supervisor.Announce(recovered ? EventLevel.Info : EventLevel.Error, message));
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(Level(settings.LogLevel))
            .WriteTo.Sink(new RotatingFileSink(file, new MessageTemplateTextFormatter("{Timestamp:yyyy-MM-dd HH:mm:ss,fff} {Level:u4} {Message:lj}{NewLine}", CultureInfo.InvariantCulture)))
            .CreateLogger();
        return new ActivityLog(logger, file, supervisor);
    }

    /// <summary>Closes and reopens the file by its name (SIGUSR2, after logrotate moved it away).</summary>
    public void Reopen() => _file.Reopen();

    public void Dispose()
    {
        _subscription.Dispose();
        _logger.Dispose();
    }

    private void Write(EngineEvent engineEvent)
    {
        var level = engineEvent.Level switch
        {
            EventLevel.Debug => LogEventLevel.Debug,
            EventLevel.Warn => LogEventLevel.Warning,
            EventLevel.Error => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
        _logger.Write(level, "{Message}", engineEvent.Message);
    }

    private static LogEventLevel Level(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Info => LogEventLevel.Information,
        LogLevel.Warn => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}
