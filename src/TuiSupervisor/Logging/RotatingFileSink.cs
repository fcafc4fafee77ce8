using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Logging;

/// <summary>
/// Serilog's output into the engine's own rotating file (docs/logging.md says why not
/// Serilog.Sinks.File): each event is formatted by Serilog and appended as one write.
/// </summary>
internal sealed class RotatingFileSink(ActivityLogFile file, ITextFormatter formatter) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        formatter.Format(logEvent, text);
        file.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public void Dispose() => file.Dispose();
}
