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

    public static TheoryData<string> CommandNames() => [.. Names()];

    private static List<string> Names() =>
        [.. CommandTree.Build(new CliContext(CliTerminal.Redirected(TextWriter.Null, TextWriter.Null))).Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Run_CommandHelp_PrintsUsageAndExitsZero(string command)
    {
        var run = CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Usage:\n  provenance {command} ", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Run_CommandTree_HasTheDocumentedCommands()
    {
        var names = Names().Order(StringComparer.Ordinal);

        Assert.Equal(
            ["check-evidence", "claims", "completion", "convert", "cycles", "diagrams", "drift", "export", "extract", "generate", "impact", "origins", "paths", "relays", "render", "report", "single-source", "sources", "timeline", "trace", "validate"],
            names);
    }

    [Fact]
    public void Run_TerminalWithNoColor_WritesNoEscapes()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = ProvenanceCli.Run(["trace", TestFiles.Small, "downed"], new CliTerminal(output, error, OutputIsTerminal: true, ErrorIsTerminal: false, NoColor: true));

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.Equal(CliRun.Of("trace", TestFiles.Small, "downed").Output, output.ToString());
    }
}
