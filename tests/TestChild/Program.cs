using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

// A small program the process tests spawn. Its arguments are a sequence of steps run in order,
// e.g. `print hello stderr oops sleep 0.2 exit 3`. Without an `exit` step it exits 0.
// Usage errors exit 64 with a message on stderr, so a test that misspells a step fails loudly.

var steps = new Queue<string>(args);
PosixSignalRegistration? ignoredTerm = null;
var allocated = new List<byte[]>();
try
{
    while (steps.Count > 0)
    {
        string step = steps.Dequeue();
        switch (step)
        {
            case "exit":
                return int.Parse(Next(steps, step), CultureInfo.InvariantCulture);
            case "sleep":
                Thread.Sleep(Seconds(Next(steps, step)));
                break;
            case "print":
                Console.Out.WriteLine(Next(steps, step));
                Console.Out.Flush();
                break;
            case "stderr":
                Console.Error.WriteLine(Next(steps, step));
                Console.Error.Flush();
                break;
            case "ignore-term":
                // Cancelling the handled signal keeps the process alive, as SIG_IGN would.
                ignoredTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true;
                    Console.WriteLine("TERM ignored");
                });
                break;
            case "grandchild":
                StartGrandchild(Next(steps, step));
                break;
            case "env":
                foreach (string line in Environment.GetEnvironmentVariables().Keys.Cast<string>()
                    .Select(key => $"{key}={Environment.GetEnvironmentVariable(key)}").Order(StringComparer.Ordinal))
                {
                    Console.Out.WriteLine(line);
                }
                Console.Out.Flush();
                break;
            case "heartbeat":
                Heartbeat(Next(steps, step), Seconds(Next(steps, step)));
                break;
            case "status":
                PrintStatus();
                break;
            case "allocate":
                allocated.Add(Allocate(int.Parse(Next(steps, step), CultureInfo.InvariantCulture)));
                break;
            default:
                throw new UsageException($"unknown step '{step}'");
        }
    }
    return 0;
}
catch (UsageException e)
{
    Console.Error.WriteLine($"TestChild: {e.Message}");
    return 64;
}
finally
{
    ignoredTerm?.Dispose();
    GC.KeepAlive(allocated);
}

// Resident memory for the limit tests: every page is written, so it counts in RSS at once.
static byte[] Allocate(int megabytes)
{
    var block = GC.AllocateUninitializedArray<byte>(megabytes * 1024 * 1024, pinned: true);
    for (int i = 0; i < block.Length; i += 4096)
    {
        block[i] = 1;
    }
    Console.Out.WriteLine($"allocated {megabytes} MB");
    Console.Out.Flush();
    return block;
}

static string Next(Queue<string> steps, string step) =>
    steps.TryDequeue(out string? value) ? value : throw new UsageException($"'{step}' needs an argument");

static TimeSpan Seconds(string text) => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));

// The grandchild stays in this process's group and session, which is what group-kill tests need.
static void StartGrandchild(string pidFile)
{
    using var sleeper = Process.Start("sleep", "1000");
    // Written through a rename so a polling test never reads a half-written file.
    File.WriteAllText(pidFile + ".tmp", sleeper.Id.ToString(CultureInfo.InvariantCulture));
    File.Move(pidFile + ".tmp", pidFile, overwrite: true);
}

// Writes the current time to the file every interval, forever: the test decides when it ends.
static void Heartbeat(string file, TimeSpan interval)
{
    while (true)
    {
        File.WriteAllText(file + ".tmp", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        File.Move(file + ".tmp", file, overwrite: true);
        Thread.Sleep(interval);
    }
}

// SigIgn here is this program's own, which includes the SIGPIPE the .NET runtime ignores at start-up;
// what the spawner gave the child is seen from outside, in /proc/PID/status of a non-.NET child.
static void PrintStatus()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("SigIgn:", StringComparison.Ordinal) || line.StartsWith("SigBlk:", StringComparison.Ordinal) ||
            line.StartsWith("Umask:", StringComparison.Ordinal))
        {
            Console.Out.WriteLine(line.Replace('\t', ' '));
        }
    }
    // /proc/self/stat: "pid (comm) state ppid pgrp session ..."; comm may contain spaces, so split after ')'.
    string stat = File.ReadAllText("/proc/self/stat");
    string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    Console.Out.WriteLine($"Pid: {Environment.ProcessId}");
    Console.Out.WriteLine($"Pgid: {fields[2]}");
    Console.Out.WriteLine($"Sid: {fields[3]}");
    Console.Out.WriteLine($"Cwd: {Environment.CurrentDirectory}");
    Console.Out.Flush();
}

internal sealed class UsageException(string message) : Exception(message);
