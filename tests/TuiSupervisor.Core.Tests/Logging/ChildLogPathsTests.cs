using TuiSupervisor.Core.Config;
using TuiSupervisor.Core.Logging;

namespace TuiSupervisor.Core.Tests.Logging;

public sealed class ChildLogPathsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Auto_names_follow_supervisords_pattern_in_childlogdir()
    {
        var stdout = ChildLogPaths.NewAutoPath(_dir.Path, "web_00", OutputStreamKind.Stdout);
        var stderr = ChildLogPaths.NewAutoPath(_dir.Path, "web_00", OutputStreamKind.Stderr);

        Assert.Equal(_dir.Path, Path.GetDirectoryName(stdout));
        Assert.Matches(@"^web_00-stdout---supervisor-[a-z0-9_]{8}\.log$", Path.GetFileName(stdout));
        Assert.Matches(@"^web_00-stderr---supervisor-[a-z0-9_]{8}\.log$", Path.GetFileName(stderr));
    }

    [Fact]
    public void Every_auto_name_is_fresh()
    {
        var names = Enumerable.Range(0, 50).Select(_ => ChildLogPaths.NewAutoPath(_dir.Path, "a", OutputStreamKind.Stdout)).ToHashSet();

        Assert.Equal(50, names.Count);
    }

    [Fact]
    public void Targets_resolve_to_a_file_an_auto_name_or_no_file()
    {
        var file = new LogTarget(LogTargetKind.File, "/var/log/app.log", 0, 0);
        var auto = new LogTarget(LogTargetKind.Auto, null, 0, 0);
        var none = new LogTarget(LogTargetKind.None, null, 0, 0);

        Assert.Equal("/var/log/app.log", ChildLogPaths.Resolve(file, _dir.Path, "app", OutputStreamKind.Stdout));
        Assert.Matches(@"/app-stderr---supervisor-[a-z0-9_]{8}\.log$", ChildLogPaths.Resolve(auto, _dir.Path, "app", OutputStreamKind.Stderr));
        Assert.Null(ChildLogPaths.Resolve(none, _dir.Path, "app", OutputStreamKind.Stdout));
    }

    [Fact]
    public void Previous_auto_logs_and_their_backups_are_deleted_and_other_files_are_kept()
    {
        string[] old =
        [
            "old-stdout---supervisor-abcdefgh.log",
            "web-stderr---supervisor-l75xv434.log",
            "web-stderr---supervisor-l75xv434.log.3",
            "a-b-stdout---supervisor-x_9x_9x_.log",
        ];
        string[] kept =
        [
            "app.log",
            "web-stdout---supervisor-short.log",
            "web-stdout---other-abcdefgh.log",
            "web-stdout---supervisor-abcdefgh.log.bak",
            "-stdout---supervisor-abcdefgh.log",
        ];
        foreach (var name in old.Concat(kept))
        {
            File.WriteAllText(_dir.File(name), name);
        }

        var cleanup = ChildLogPaths.DeletePreviousAutoLogs(_dir.Path);

        Assert.Equal(old.Select(_dir.File).Order(), cleanup.Deleted.Order());
        Assert.Empty(cleanup.Failed);
        Assert.Equal(kept.Order(), Directory.EnumerateFiles(_dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_missing_childlogdir_has_nothing_to_clean_up()
    {
        var cleanup = ChildLogPaths.DeletePreviousAutoLogs(_dir.File("missing"));

        Assert.Empty(cleanup.Deleted);
        Assert.Empty(cleanup.Failed);
    }

    [Fact]
    public void Files_named_by_this_run_are_recognised_by_the_next_cleanup()
    {
        var path = ChildLogPaths.NewAutoPath(_dir.Path, "svc", OutputStreamKind.Stdout);
        File.WriteAllText(path, "");

        Assert.Equal([path], ChildLogPaths.DeletePreviousAutoLogs(_dir.Path).Deleted);
    }
}
