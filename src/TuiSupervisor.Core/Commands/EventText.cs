using System.Globalization;
using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Core.Commands;

/// <summary>One event as a line: the local time with milliseconds, the level, and the message.</summary>
public static class EventText
{
    public static string Format(EngineEvent engineEvent) =>
        $"{engineEvent.Time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture)} {engineEvent.Level.ToString().ToUpperInvariant()} {engineEvent.Message}";
}
