using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// <c>reload</c> (supervisorctl's <c>update</c>): re-read the config and apply the difference.
/// Removed groups are stopped and dropped, changed groups stopped and rebuilt, added groups
/// added, and each changed or added process started when it is autostart. Untouched groups keep
/// their processes and PIDs. A config with errors changes nothing.
/// </summary>
public sealed partial class Supervisor
{
    public async Task<ReloadOutcome> ReloadAsync(bool apply, CancellationToken cancellationToken = default)
    {
        var loaded = _loadConfig();
        if (loaded.Config is not { } next)
        {
            var problems = loaded.Errors.Select(d => d.ToString()).Append("nothing changed: the config has errors").ToList();
            Post(() => Emit(null, EventLevel.Error, $"reload refused: {loaded.Errors.Count()} error(s) in the config", EventKind.Reload));
            return new ReloadOutcome(problems, Failed: true);
        }

        var diff = await Invoke(() => ConfigDiff.Between(_config, next)).ConfigureAwait(false);
        if (!apply || diff.IsEmpty)
            return new ReloadOutcome([.. diff.RereadLines()], Failed: false);

        var lines = new List<string>();
        foreach (var group in diff.Removed)
        {
            await StopAsync(await Invoke(() => GroupMembers(group)).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await Invoke(() => RemoveGroup(group)).ConfigureAwait(false);
            lines.Add($"{group}: stopped");
            lines.Add($"{group}: removed process group");
        }

        foreach (var group in diff.Changed)
        {
            await StopAsync(await Invoke(() => GroupMembers(group)).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await Invoke(() => RemoveGroup(group)).ConfigureAwait(false);
            lines.Add($"{group}: stopped");
            lines.Add($"{group}: updated process group");
        }

        await Invoke(() =>
        {
            _config = next;
            UpdateSampling();
            foreach (var group in diff.Changed.Concat(diff.Added))
                AddGroup(next, group);
            Emit(null, EventLevel.Info, $"reloaded {next.Source}: {diff.Added.Count} added, {diff.Changed.Count} changed, {diff.Removed.Count} removed", EventKind.Reload);
            _dirty = true;
        }).ConfigureAwait(false);
        lines.AddRange(diff.Added.Select(group => $"{group}: added process group"));
        return new ReloadOutcome(lines, Failed: false);
    }

    private List<string> GroupMembers(string group) => [.. _slots.Where(s => s.Config.GroupName == group).Select(s => s.FullName)];

    private void RemoveGroup(string group)
    {
        foreach (var slot in _slots.Where(s => s.Config.GroupName == group).ToList())
        {
            slot.CloseFiles();
            _slots.Remove(slot);
        }

        _dirty = true;
    }

    private void AddGroup(SupervisorConfig config, string group)
    {
        var added = config.Programs
            .Where(p => p.Enabled)
            .SelectMany(program => program.Processes.Where(p => p.GroupName == group).Select(process => new ProcessSlot(program, process)))
            .ToList();
        _slots.AddRange(added);
        foreach (var slot in InStartOrder(added.Where(s => s.Program.AutoStart)))
            StartOrWait(slot);
    }
}

/// <summary>What a reload printed, and whether it was refused because the config has errors.</summary>
public sealed record ReloadOutcome(IReadOnlyList<string> Lines, bool Failed);
