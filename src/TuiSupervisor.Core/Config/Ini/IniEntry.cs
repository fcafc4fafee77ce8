namespace TuiSupervisor.Core.Config.Ini;

/// <summary>
/// One <c>key = value</c> of an INI section as written: the value with continuation lines joined
/// by <c>\n</c> and inline comments removed, where it was written, and the comments around it
/// (kept for <c>convert</c>).
/// </summary>
internal sealed class IniEntry
{
    public required string Key { get; init; }
    public required string Value { get; set; }
    public required IniPlace Place { get; init; }

    /// <summary>Where the value starts, for messages about the value rather than the key.</summary>
    public required IniPlace ValuePlace { get; init; }

    /// <summary>Full-line comments written just before the key, without their <c>;</c> or <c>#</c>.</summary>
    public List<string> Comments { get; init; } = [];

    /// <summary>The comment at the end of the key's line(s), if any.</summary>
    public string? InlineComment { get; set; }
}

/// <summary>A place in one of the files read (the main config or an included one).</summary>
internal readonly record struct IniPlace(string File, int Line, int Column);
