using TuiSupervisor.Core.Config;

namespace TuiSupervisor.Core.Engine;

/// <summary>
/// <c>reload</c> (supervisorctl's <c>update</c>): re-read the config and apply the difference.
/// Removed groups are stopped and dropped, changed groups stopped and rebuilt, added groups
/// added, and each changed or added process started when it is autostart. Untouched groups keep
/// their processes and PIDs. A config with errors changes nothing; neither does anything once a
/// shutdown has begun.
/// </summary>
public sealed partial class Supervisor
{
    /// <summary>
    /// The definition each running group was built from, for the next reload's comparison. Kept
    /// per group rather than as one config, because <c>update NAME</c> applies only some groups:
    /// the others must still show as changed next time.
    /// </summary>
    private readonly Dictionary<string, List<object>> _definitions;

    public async Task<ReloadOutcome> ReloadAsync(bool apply, IReadOnlyCollection<string>? groups = null, CancellationToken cancellationToken = default)
    {
        if (await Invoke(() => ShuttingDown).ConfigureAwait(false))
            return ShuttingDownOutcome(apply);

        var loaded = _loadConfig();
        if (loaded.Config is not { } next)
        {
            var problems = loaded.Errors.Select(d => d.ToString()).Append("nothing changed: the config has errors").ToList();
            Post(() => Emit(null, EventLevel.Error, $"reload refused: {loaded.Errors.Count()} error(s) in the config", EventKind.Reload));
            return new ReloadOutcome(problems, ReloadStatus.ConfigErrors);
        }

        var diff = await Invoke(() => ConfigDiff.Between(_definitions, next)).ConfigureAwait(false);
        var only = groups is { Count: > 0 } && !groups.Contains("all") ? groups : null;
        if (!apply || (diff.IsEmpty && only is null))
            return new ReloadOutcome([.. diff.RereadLines()], ReloadStatus.Done);

        // supervisorctl's "update NAME…": only those groups ("all" is every group), silent when
        // they did not change. A name that is neither running nor added is an error, and the
        // named groups that exist are still updated.
        var lines = new List<string>();
        var status = ReloadStatus.Done;
        if (only is not null)
        {
            var known = await Invoke(() => _definitions.Keys.Concat(diff.Added).ToHashSet(StringComparer.Ordinal)).ConfigureAwait(false);
            foreach (var unknown in only.Where(g => !known.Contains(g)).Distinct(StringComparer.Ordinal))
            {
                lines.Add($"ERROR: no such group: {unknown}");
                status = ReloadStatus.Refused;
            }

            diff = diff.Only(only);
        }

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

        // Checked again where the groups are added: a shutdown that began while the removed and
        // changed groups stopped has its list of what to stop already, without them.
        var added = await Invoke(() =>
        {
            if (ShuttingDown)
                return false;
            _config = next;
            var definitions = ConfigDiff.Definitions(next);
            UpdateSampling();
            foreach (var group in diff.Changed.Concat(diff.Added))
            {
                _definitions[group] = definitions[group];
                AddGroup(next, group);
            }

            Emit(null, EventLevel.Info, $"reloaded {next.Source}: {diff.Added.Count} added, {diff.Changed.Count} changed, {diff.Removed.Count} removed", EventKind.Reload);
            _dirty = true;
            return true;
        }).ConfigureAwait(false);
        if (!added)
            return new ReloadOutcome([.. lines, .. ShuttingDownOutcome(apply).Lines], ReloadStatus.Refused);
        lines.AddRange(diff.Added.Select(group => $"{group}: added process group"));
        return new ReloadOutcome(lines, status);
    }

    /// <summary>supervisorctl's answers once supervisord is shutting down.</summary>
    private ReloadOutcome ShuttingDownOutcome(bool apply)
    {
        Post(() => Emit(null, EventLevel.Warn, $"{(apply ? "reload" : "reread")} refused: shutting down", EventKind.Reload));
        return new ReloadOutcome([apply ? "ERROR: already shutting down" : "ERROR: supervisor shutting down"], ReloadStatus.Refused);
    }

    private List<string> GroupMembers(string group) => [.. _slots.Where(s => s.Config.GroupName == group).Select(s => s.FullName)];

    private void RemoveGroup(string group)
    {
        foreach (var slot in _slots.Where(s => s.Config.GroupName == group).ToList())
        {
            slot.CloseFiles();
            _slots.Remove(slot);
        }

        _definitions.Remove(group);
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
