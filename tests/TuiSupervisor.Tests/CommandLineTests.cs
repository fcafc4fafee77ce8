namespace TuiSupervisor.Tests;

public class CommandLineTests
{
    [Fact]
    public void Version_prints_the_product_version()
    {
        var result = Product.Run(Product.RepositoryRoot, "--version");
        Assert.Equal((0, "tuisupervisor 0.1.0\n"), (result.ExitCode, result.Stdout));
    }

    [Theory]
    [InlineData("--help", "Usage: tuisupervisor [-c FILE]")]
    [InlineData("check --help", "Usage: tuisupervisor check [-c FILE]")]
    [InlineData("ctl -h", "Usage: tuisupervisor ctl")]
    [InlineData("attach --help", "Usage: tuisupervisor attach")]
    [InlineData("convert --help", "Usage: tuisupervisor convert")]
    public void Every_subcommand_has_help(string args, string start)
    {
        var result = Product.Run(Product.RepositoryRoot, args.Split(' '));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(start, result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frobnicate", "tuisupervisor: unknown option '--frobnicate'. See 'tuisupervisor --help'.\n")]
    [InlineData("check --json", "tuisupervisor check: unknown option '--json'. See 'tuisupervisor check --help'.\n")]
    [InlineData("check -c", "tuisupervisor check: option '-c' needs a value. See 'tuisupervisor check --help'.\n")]
    [InlineData("ctl", "tuisupervisor ctl: ctl needs a command, e.g. 'ctl status'. See 'tuisupervisor ctl --help'.\n")]
    public void Unknown_options_get_one_line_and_a_pointer_to_help(string args, string expected)
    {
        var result = Product.Run(Product.RepositoryRoot, args.Split(' '));
        Assert.Equal((2, "", expected), (result.ExitCode, result.Stdout, result.Stderr));
    }
}
