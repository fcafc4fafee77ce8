using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;
using TuiSupervisor.Core.Posix;

namespace TuiSupervisor.Core.Tests.Posix;

[SupportedOSPlatform("linux")]
public sealed class ProcessSpawnerTests : IDisposable
{
    private const int SIGPIPE = 13;

    private readonly ChildHarness _harness = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("tuisupervisor-spawn-").FullName;

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public void Child_leads_its_own_session_and_process_group()
    {
        SpawnedChild child = _harness.Start("/bin/sleep", "30");

        Assert.Equal(child.Pid, Interop.getpgid(child.Pid));
        Assert.Equal(child.Pid, Interop.getsid(child.Pid));
    }

    [Fact]
    public async Task Child_has_default_signal_dispositions_and_an_empty_mask_although_the_runtime_ignores_SIGPIPE()
    {
        Assert.True(ProcStatus.HasSignal("self", "SigIgn", SIGPIPE), "precondition: the runtime ignores SIGPIPE");

        SpawnedChild child = _harness.Start("/bin/sleep", "30");
        await ChildHarness.WaitForExecAsync(child.Pid);

        string pid = child.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0000000000000000", ProcStatus.Field(pid, "SigIgn"));
        Assert.Equal("0000000000000000", ProcStatus.Field(pid, "SigBlk"));
    }

    [Fact]
    public void Child_reads_stdin_from_dev_null()
    {
        SpawnedChild child = _harness.Start("/bin/sleep", "30");

        Assert.Equal("/dev/null", new FileInfo($"/proc/{child.Pid}/fd/0").LinkTarget);
    }

    [Fact]
    public async Task Child_gets_no_file_descriptor_beyond_0_1_and_2_even_an_inheritable_one()
    {
        // A pipe without O_CLOEXEC, as native code in the engine's process might open.
        (SafeFileHandle inheritableRead, SafeFileHandle inheritableWrite) = OpenInheritablePipe();
        using (inheritableRead)
        using (inheritableWrite)
        {
            SpawnedChild child = _harness.Start("/bin/sleep", "30");
            await ChildHarness.WaitForExecAsync(child.Pid);

            // Right after exec the dynamic loader and sleep's start-up hold a descriptor for a
            // moment (ld.so.cache, libc, the locale archive); an inherited one would stay for good.
            string[] FdNames() => [.. Directory.GetFileSystemEntries($"/proc/{child.Pid}/fd").Select(Path.GetFileName).Order()!];
            await ChildHarness.Eventually(() => FdNames().SequenceEqual(["0", "1", "2"]), () => $"the child to hold only 0, 1 and 2 (holds {string.Join(", ", FdNames())})");
        }
    }

    [Fact]
    public async Task Child_environment_is_exactly_the_one_passed()
    {
        Dictionary<string, string> environment = ChildHarness.Env(("FOO", "bar baz"), ("EMPTY", ""));

        SpawnedChild child = _harness.Start(ChildHarness.Request(["/bin/sleep", "30"], environment: environment));
        await ChildHarness.WaitForExecAsync(child.Pid);

        string[] actual = [.. File.ReadAllText($"/proc/{child.Pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries).Order()];
        Assert.Equal(["EMPTY=", "FOO=bar baz", "PATH=/usr/bin:/bin"], actual);
    }

    [Fact]
    public void Working_directory_and_umask_are_applied_and_the_engine_umask_is_restored()
    {
        string engineUmask = ProcStatus.Field("self", "Umask")!;
        int childUmask = Convert.ToInt32(engineUmask == "0027" ? "077" : "027", 8);

        SpawnedChild child = _harness.Start(ChildHarness.Request(["/bin/sleep", "30"], directory: _scratch, umask: childUmask));
        SpawnedChild inheriting = _harness.Start(ChildHarness.Request(["/bin/sleep", "30"]));

        Assert.Equal(_scratch, new DirectoryInfo($"/proc/{child.Pid}/cwd").LinkTarget);
        Assert.Equal(Convert.ToString(childUmask, 8).PadLeft(4, '0'), ProcStatus.Field(child.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "Umask"));
        Assert.Equal(engineUmask, ProcStatus.Field("self", "Umask"));
        Assert.Equal(engineUmask, ProcStatus.Field(inheriting.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "Umask"));
    }

    [Fact]
    public async Task Stdout_and_stderr_are_captured_separately()
    {
        SpawnedChild child = _harness.Start(ChildHarness.TestChild("print", "to stdout", "stderr", "to stderr", "print", "again"));

        Assert.NotNull(child.Stderr);
        Task<string> stderr = ChildHarness.ReadToEndAsync(child.Stderr);
        Assert.Equal("to stdout\nagain\n", await ChildHarness.ReadToEndAsync(child.Stdout));
        Assert.Equal("to stderr\n", await stderr);
        Assert.Equal(0, (await _harness.WaitForExitAsync(child.Pid)).ExitCode);
    }

    [Fact]
    public async Task Stderr_is_merged_into_stdout_when_redirected()
    {
        SpawnedChild child = _harness.Start(ChildHarness.Request(["/bin/sh", "-c", "echo one; echo two >&2; echo three"], redirectStderr: true));

        Assert.Null(child.Stderr);
        Assert.Equal("one\ntwo\nthree\n", await ChildHarness.ReadToEndAsync(child.Stdout));
    }

    [Fact]
    public async Task Command_without_a_slash_is_searched_on_the_childs_PATH()
    {
        Directory.CreateDirectory(Path.Combine(_scratch, "bin"));
        string script = Path.Combine(_scratch, "bin", "hello-tuisupervisor");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho found\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        SpawnedChild child = _harness.Start(ChildHarness.Request(
            ["hello-tuisupervisor"], environment: ChildHarness.Env(("PATH", $"/nonexistent:{Path.Combine(_scratch, "bin")}:/usr/bin:/bin"))));

        Assert.Equal("found\n", await ChildHarness.ReadToEndAsync(child.Stdout));
    }

    [Fact]
    public async Task Relative_command_with_a_slash_is_found_from_the_working_directory()
    {
        Directory.CreateDirectory(Path.Combine(_scratch, "tools"));
        string script = Path.Combine(_scratch, "tools", "where");
        await File.WriteAllTextAsync(script, "#!/bin/sh\npwd\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        SpawnedChild child = _harness.Start(ChildHarness.Request(["tools/where"], directory: _scratch));

        Assert.Equal(_scratch + "\n", await ChildHarness.ReadToEndAsync(child.Stdout));
    }

    [Fact]
    public void Missing_absolute_command_is_NoSuchFile_in_supervisord_words()
    {
        AssertSpawnError(ChildHarness.Request(["/nonexistent/bin/prog", "--flag"]),
            SpawnErrorKind.NoSuchFile, "can't find command '/nonexistent/bin/prog'");
    }

    [Fact]
    public void Missing_command_on_PATH_is_NoSuchFile_in_supervisord_words()
    {
        AssertSpawnError(ChildHarness.Request(["no-such-program-xyz"]), SpawnErrorKind.NoSuchFile, "can't find command 'no-such-program-xyz'");
    }

    [Fact]
    public async Task File_without_execute_permission_is_NotExecutable_in_supervisord_words()
    {
        string script = Path.Combine(_scratch, "notexec.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        AssertSpawnError(ChildHarness.Request([script]), SpawnErrorKind.NotExecutable, $"command at '{script}' is not executable");
    }

    [Fact]
    public void Directory_as_command_is_NotExecutable_in_supervisord_words()
    {
        AssertSpawnError(ChildHarness.Request([_scratch]), SpawnErrorKind.NotExecutable, $"command at '{_scratch}' is a directory");
    }

    [Fact]
    public async Task Executable_file_the_kernel_cannot_run_is_NotExecutable_from_the_spawn_error()
    {
        // Passes every check before the spawn; exec itself fails with ENOEXEC (no #! line, not ELF).
        string junk = Path.Combine(_scratch, "junk");
        await File.WriteAllBytesAsync(junk, [0x01, 0x02, 0x03, 0x04]);
        File.SetUnixFileMode(junk, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        AssertSpawnError(ChildHarness.Request([junk]), SpawnErrorKind.NotExecutable, $"couldn't exec {junk}: ENOEXEC");
    }

    [Fact]
    public void Missing_working_directory_is_BadDirectory()
    {
        AssertSpawnError(ChildHarness.Request(["/bin/sleep", "1"], directory: "/nonexistent/dir"),
            SpawnErrorKind.BadDirectory, "couldn't chdir to /nonexistent/dir: ENOENT");
    }

    [Fact]
    public void File_as_working_directory_is_BadDirectory()
    {
        AssertSpawnError(ChildHarness.Request(["/bin/sleep", "1"], directory: "/bin/sh"),
            SpawnErrorKind.BadDirectory, "couldn't chdir to /bin/sh: ENOTDIR");
    }

    [Fact]
    public void Environment_name_with_an_equals_sign_is_an_error_not_a_crash()
    {
        SpawnResult result = _harness.Spawner.Spawn(ChildHarness.Request(["/bin/true"], environment: ChildHarness.Env(("A=B", "c"))));

        Assert.False(result.Succeeded);
        Assert.Equal(SpawnErrorKind.Other, result.Error.Kind);
    }

    private void AssertSpawnError(SpawnRequest request, SpawnErrorKind kind, string message)
    {
        SpawnResult result = _harness.Spawner.Spawn(request);

        Assert.False(result.Succeeded);
        Assert.Null(result.Child);
        Assert.Equal(new SpawnError(kind, message), result.Error);
    }

    private static unsafe (SafeFileHandle Read, SafeFileHandle Write) OpenInheritablePipe()
    {
        int* fds = stackalloc int[2];
        Assert.Equal(0, Interop.pipe2(fds, 0));
        return (new SafeFileHandle(fds[0], ownsHandle: true), new SafeFileHandle(fds[1], ownsHandle: true));
    }
}
