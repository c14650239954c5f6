namespace Provenance.Cli.Tests;

/// <summary>The tool as a real process: redirected output carries no ANSI escapes, and exit codes reach the shell.</summary>
public class ProcessTests
{
    [Fact]
    public void Run_RedirectedOutputOnColourTerminal_WritesPlainTextAndExitsZero()
    {
        var (exit, output, error) = Run("trace", TestFiles.Small, "downed");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain('\u001b', output);
        Assert.StartsWith("downed: A Russian Mi-24 was shot down over Armenia.\n", output, StringComparison.Ordinal);
        Assert.Equal(CliRun.Of("trace", TestFiles.Small, "downed").Output, output);
    }

    [Fact]
    public void Run_BadArguments_ExitsTwoOnStandardError()
    {
        var (exit, output, error) = Run("trace");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: Required argument 'graph' missing for command: 'trace'.\n", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args) =>
        // A terminal that claims colour, so only the redirection can be what keeps escapes out.
        CliProcess.Run(new Dictionary<string, string?> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor", ["NO_COLOR"] = null }, args);
}
