namespace Provenance.Cli.Tests;

/// <summary>Never a stack trace (issue 15): an exception nobody planned for becomes one line and exit code 70.</summary>
public class TopLevelHandlerTests
{
    /// <summary>Standard output that fails on every write, as a full disk or a broken device would: a failure no command plans for.</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("the device\nis broken");

        public override void Write(string? value) => throw new InvalidOperationException("the device\nis broken");
    }

    private static (int Code, string Error) RunBroken(params string[] args)
    {
        var error = new StringWriter();
        var code = ProvenanceCli.Run(args, CliTerminal.Redirected(new BrokenWriter(), error));
        return (code, error.ToString());
    }

    [Fact]
    public void Run_UnexpectedException_OneLineAndExit70()
    {
        var (code, error) = RunBroken("claims", TestFiles.Small);

        Assert.Equal(ExitCodes.Internal, code);
        Assert.Equal(70, code);
        Assert.Equal(
            "error: internal error: System.InvalidOperationException: the device\\u000Ais broken\nRun again with --verbose for the stack trace, and report it as a bug.\n",
            error);
    }

    [Fact]
    public void Run_UnexpectedExceptionWithVerbose_PrintsTheStack()
    {
        var (code, error) = RunBroken("claims", TestFiles.Small, "--verbose");

        Assert.Equal(70, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error: internal error: System.InvalidOperationException: the device\\u000Ais broken", lines[0]);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at Provenance.Cli.", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_FromAnotherCommandToo_Exit70()
    {
        var (code, error) = RunBroken("trace", TestFiles.Small, "downed", "--json");

        Assert.Equal(70, code);
        Assert.StartsWith("error: internal error: System.InvalidOperationException: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_GeneratorOutOfRange_IsAUsageErrorNotACrash_Issue15()
    {
        var run = CliRun.Of("generate", "--citations", "20000001", "-o", "g.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("Unhandled", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
