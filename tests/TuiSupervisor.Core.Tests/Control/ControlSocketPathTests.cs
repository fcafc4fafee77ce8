using TuiSupervisor.Core.Control;
using TuiSupervisor.Core.Tests.Logging;

namespace TuiSupervisor.Core.Tests.Control;

/// <summary>The socket a client finds from a config file that does not validate on its side.</summary>
public class ControlSocketPathTests
{
    private static readonly Func<string, string?> Environment = name => name == "XDG_RUNTIME_DIR" ? "/run/user/4242" : null;

    [Fact]
    public void The_socket_key_is_read_alone_expanded_and_relative_to_the_configs_folder()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("s.toml"), "[supervisor]\nsocket = \"%(here)s/run/a.sock\"\n[programs.x]\ncommand = \"sleep %(ENV_NOT_SET_ANYWHERE)s\"\nautostart = \"maybe\"\n");
        Assert.Equal(Path.Combine(dir.Path, "run", "a.sock"), ControlSocketPath.ForFile(dir.File("s.toml"), Environment));

        File.WriteAllText(dir.File("s.toml"), "[supervisor] # the engine's\nsocket = 'run/b.sock'\n[programs.x\n");
        Assert.Equal(Path.Combine(dir.Path, "run", "b.sock"), ControlSocketPath.ForFile(dir.File("s.toml"), Environment));
    }

    [Fact]
    public void Without_a_readable_socket_key_the_default_for_the_files_absolute_path_is_used()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("s.toml"), "[supervisor]\nsocket = \"%(ENV_NOT_SET_ANYWHERE)s/a.sock\"\n");
        var byAbsolutePath = ControlSocketPath.ForFile(dir.File("s.toml"), Environment);
        Assert.StartsWith("/run/user/4242/tuisupervisor/", byAbsolutePath, StringComparison.Ordinal);

        var relative = Path.GetRelativePath(System.Environment.CurrentDirectory, dir.File("s.toml"));
        Assert.Equal(byAbsolutePath, ControlSocketPath.ForFile(relative, Environment));
        File.WriteAllText(dir.File("s.conf"), "[supervisord]\n[unix_http_server]\nfile=/tmp/ignored.sock\n");
        Assert.StartsWith("/run/user/4242/tuisupervisor/", ControlSocketPath.ForFile(dir.File("s.conf"), Environment), StringComparison.Ordinal);
    }
}
