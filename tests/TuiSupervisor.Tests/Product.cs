using System.Diagnostics;

namespace TuiSupervisor.Tests;

/// <summary>Runs the real tuisupervisor executable, as a user would, and collects what it printed.</summary>
internal static class Product
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    private static readonly string EntryAssembly = Path.Combine(AppContext.BaseDirectory, "tuisupervisor.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(EntryAssembly);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tuisupervisor {string.Join(' ', args)} did not finish in 30 s");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TuiSupervisor.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no TuiSupervisor.sln above {AppContext.BaseDirectory}");
    }
}
