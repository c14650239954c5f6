namespace Provenance.Cli.Tests.Commands;

public class RenderCommandTests
{
    // CI installs Graphviz there; the tests name it rather than trusting PATH.
    private static string Dot => TestFiles.Dot;

    [SkippableTheory]
    [InlineData("svg", "<svg")]
    [InlineData("png", "\u0089PNG")]
    [InlineData("pdf", "%PDF")]
    public void Render_Format_WritesThatFormat(string format, string magic)
    {
        using var temp = new TestFiles.TempFolder();
        var output = temp.File("graph." + format);

        var run = CliRun.Of("render", TestFiles.Small, "--format", format, "--view", "reports", "-o", output, "--dot", Dot);

        Assert.True(run.ExitCode == 0, run.ToString());
        var head = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(output).AsSpan(0, 512));
        Assert.Contains(magic, head, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Render_MissingDot_ExitsOneWithInstallHint()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("render", TestFiles.Small, "--format", "svg", "-o", temp.File("g.svg"), "--dot", temp.File("no-dot"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("install Graphviz", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("g.svg")));
    }

    [SkippableFact]
    public void Render_NoOutput_ExitsTwo()
    {
        var run = CliRun.Of("render", TestFiles.Small, "--format", "svg");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Option '--output' is required.\nRun 'provenance render --help' for usage.\n", run.Error);
    }
}
