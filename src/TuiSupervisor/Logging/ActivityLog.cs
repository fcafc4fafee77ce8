using Serilog.Events;
using Serilog;
using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Logging;

/// <summary>
/// The activity log (spec section 5): every engine event, written by Serilog's file sink to
/// <c>[supervisor] logfile</c>, rotated by size into <c>logfile_backups</c> files. The one place
/// Serilog is configured; the engine itself only emits events.
/// </summary>
internal sealed class ActivityLog : IDisposable
{
    private readonly Serilog.Core.Logger _logger;
    private readonly IDisposable _subscription;

    private ActivityLog(Serilog.Core.Logger logger, ISupervisor supervisor)
    {
        _logger = logger;
        _subscription = supervisor.Subscribe(_ => { }, Write);
    }

    /// <summary>Starts logging the engine's events; null when the config says <c>logfile = "NONE"</c>.</summary>
    public static ActivityLog? Start(SupervisorSettings settings, ISupervisor supervisor)
    {
        if (Path.GetFileName(settings.LogFile).Equals("NONE", StringComparison.OrdinalIgnoreCase))
            return null;
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(Level(settings.LogLevel))
            .WriteTo.File(
                settings.LogFile,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss,fff} {Level:u4} {Message:lj}{NewLine}",
                fileSizeLimitBytes: settings.LogFileMaxBytes > 0 ? settings.LogFileMaxBytes : null,
                rollOnFileSizeLimit: settings.LogFileMaxBytes > 0,
                retainedFileCountLimit: settings.LogFileBackups + 1,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        return new ActivityLog(logger, supervisor);
    }

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
