namespace TuiSupervisor.Bench.Tools;

internal static class RepositoryRoot
{
    /// <summary>The folder holding TuiSupervisor.sln above the bench's own binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TuiSupervisor.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no TuiSupervisor.sln above {AppContext.BaseDirectory}");
    }
}
