using TuiSupervisor.Toml;

namespace TuiSupervisor.Core.Config.Binding;

/// <summary>Reads a program's <c>limits</c> table.</summary>
internal static class LimitsReader
{
    private static readonly Dictionary<string, LimitAction> Actions = new(StringComparer.Ordinal)
    {
        ["warn"] = LimitAction.Warn,
        ["restart"] = LimitAction.Restart,
    };

    public static ResourceLimits? Read(SectionReader program)
    {
        var entry = program.Take("limits");
        if (entry is null)
            return null;
        if (entry.Value is not TomlTable table)
        {
            program.WrongType(entry, "a table");
            return null;
        }

        var reader = new SectionReader(table, $"{program.SectionName} limits", program.Diagnostics);
        var limits = new ResourceLimits(
            reader.Size("max_memory"),
            reader.Number("max_cpu_percent", 0.1, 100_000),
            reader.Choice("on_limit", Actions) ?? LimitAction.Warn);
        reader.ReportUnknownKeys();
        return limits;
    }
}
