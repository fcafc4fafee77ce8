using TuiSupervisor.Core.Engine;

namespace TuiSupervisor.Tui;

/// <summary>
/// One line of the process table: a process, or the header of a group of several processes
/// (supervisord's <c>GROUP:NAME</c>), which can fold its members away.
/// </summary>
internal sealed record ProcessRow(string Key, ProcessSnapshot? Process, string? Group, IReadOnlyList<ProcessSnapshot> Members, bool Folded, bool Indented)
{
    public bool IsGroup => Process is null;

    /// <summary>What a command on this row acts on, in the shell's words: <c>web</c>, <c>worker:worker_01</c>, <c>worker:*</c>.</summary>
    public string Target => Process?.FullName ?? Group + ":*";

    /// <summary>The processes a command on this row acts on.</summary>
    public IReadOnlyList<ProcessSnapshot> Targets => Process is { } process ? [process] : Members;

    public static ProcessRow ForProcess(ProcessSnapshot process, bool indented) => new(process.FullName, process, null, [process], false, indented);

    public static ProcessRow ForGroup(string group, IReadOnlyList<ProcessSnapshot> members, bool folded) => new("group " + group, null, group, members, folded, false);
}
