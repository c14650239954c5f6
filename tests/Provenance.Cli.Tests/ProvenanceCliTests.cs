namespace Provenance.Cli.Tests;

public class ProvenanceCliTests
{
    [Fact]
    public void Run_NoCommand_ExitsWithUsageError()
    {
        var run = CliRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal("error: no command given; run 'provenance --help' to list the commands.\n", run.Error);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsWithUsageError()
    {
        var run = CliRun.Of("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: Unrecognized command or argument 'frobnicate'.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ListsUsageOnStandardOutput()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }
}
