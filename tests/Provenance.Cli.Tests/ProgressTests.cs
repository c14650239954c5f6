namespace Provenance.Cli.Tests;

/// <summary>Progress (issue 15): counts on a terminal's standard error; nothing when it is redirected or NO_COLOR is set.</summary>
public class ProgressTests
{
    private static (int Code, string Output, string Error) Run(bool errorIsTerminal, bool noColor, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ProvenanceCli.Run(args, new CliTerminal(output, error, false, errorIsTerminal, noColor), c => c.ProgressThresholdBytes = 0);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Load_OnTerminal_ShowsByteCounts()
    {
        var (code, output, error) = Run(true, false, "validate", TestFiles.Small);

        Assert.Equal(0, code);
        Assert.Contains("Loading", error, StringComparison.Ordinal);
        Assert.Matches(@"[0-9.]+ (B|KiB) of [0-9.]+ (B|KiB)", error);
        Assert.Equal(CliRun.Of("validate", TestFiles.Small).Output, output);
    }

    [Fact]
    public void Convert_OnTerminal_ShowsLoadingAndWriting()
    {
        using var temp = new TestFiles.TempFolder();

        var (code, _, error) = Run(true, false, "export", TestFiles.Small, "--format", "dot", "-o", temp.File("g.dot"));

        Assert.Equal(0, code);
        Assert.Contains("Loading", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Load_RedirectedOrNoColor_WritesNothingExtra(bool errorIsTerminal, bool noColor)
    {
        var (code, output, error) = Run(errorIsTerminal, noColor, "validate", TestFiles.Small);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(CliRun.Of("validate", TestFiles.Small).Output, output);
    }
}
