using System.Diagnostics;
using System.Text;

namespace TuiSupervisor.Tests;

/// <summary>
/// The real executable in <c>--headless</c> mode with stdin, stdout and stderr on pipes: the test
/// types commands and waits (with a deadline) for what it expects to read.
/// </summary>
internal sealed class HeadlessSession : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public HeadlessSession(string workingDirectory, string configFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tuisupervisor.dll"), "--headless", "-c", configFile })
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>
    /// Sends <paramref name="command"/>, and again until its answer satisfies <paramref name="done"/>.
    /// Each round is followed by <c>pid</c>, whose answer (the engine's pid alone on a line) marks
    /// where the command's answer ends, so a slow answer is never taken for the next round's.
    /// </summary>
    public string Poll(string command, Func<string, bool> done, double seconds = 15)
    {
        var clock = Stopwatch.StartNew();
        var marker = Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var before = Stdout.Length;
            Send(command);
            Send("pid");
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var output = Stdout[before..];
                var answerLength = output.StartsWith(marker, StringComparison.Ordinal) ? 0
                    : output.IndexOf("\n" + marker, StringComparison.Ordinal) is >= 0 and var newline ? newline + 1
                    : -1;
                if (answerLength >= 0)
                {
                    var answer = output[..answerLength];
                    if (done(answer))
                        return answer;
                    break;
                }

                Thread.Sleep(20);
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"'{command}' never gave the expected answer in {seconds} s; stdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    public void WaitFor(Func<HeadlessSession, bool> condition, string what, double seconds = 15)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"{what}: not seen in {seconds} s; stdout:\n{Stdout}\nstderr:\n{Stderr}");
            Thread.Sleep(20);
        }
    }

    public int WaitForExit(double seconds = 20)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds)))
            throw new TimeoutException($"the engine did not exit in {seconds} s; stderr:\n{Stderr}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Signal(string name) => Process.Start("kill", ["-" + name, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
            return;
        lock (buffer)
            buffer.Append(line).Append('\n');
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
            return buffer.ToString();
    }
}
