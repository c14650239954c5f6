using Provenance.Graphviz;
using Provenance.Yaml;

namespace Provenance.Cli.Tests.Commands;

public class DiagramsCommandTests
{
    private const string MissingDot = "/nonexistent/graphviz/dot";

    [SkippableFact]
    public void Diagrams_RenderNever_WritesTheDotFilesOfTheDiagramSet()
    {
        using var temp = new TestFiles.TempFolder();
        var output = temp.File("out");

        var run = CliRun.Of("diagrams", TestFiles.Small, "-o", output, "--render", "never");

        var set = ProvenanceYaml.Load(TestFiles.Small).ToDiagramSet("small");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal(string.Concat(set.Files.Select(f => Path.Combine(output, f.FileName) + "\n")), run.Output);
        Assert.Equal(
            ["small.claim.crew.dot", "small.claim.downed.dot", "small.claim.mistake.dot", "small.reports.dot", "small.sources.dot"],
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(set.Files, f => Assert.Equal(f.Dot, File.ReadAllText(Path.Combine(output, f.FileName))));
    }

    [SkippableFact]
    public void Diagrams_ChosenClaimsRenderAlways_WritesDotAndSvgOfEach()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("diagrams", TestFiles.Small, "-o", temp.Path, "--claim", "mistake", "--render", "always", "--dot", TestFiles.Dot, "--name", "g");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["g.claim.mistake.dot", "g.claim.mistake.svg", "g.reports.dot", "g.reports.svg", "g.sources.dot", "g.sources.svg"],
            Directory.EnumerateFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("<svg", File.ReadAllText(temp.File("g.claim.mistake.svg")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Diagrams_RenderAlwaysWithoutDot_ExitsOneWithInstallHint()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("diagrams", TestFiles.Small, "-o", temp.Path, "--render", "always", "--dot", MissingDot);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"error: Graphviz's dot was not found at '{MissingDot}'; install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz), or fix --dot.\n",
            run.Error);
        Assert.DoesNotContain(Directory.EnumerateFiles(temp.Path), f => f.EndsWith(".svg", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Diagrams_RenderAutoWithoutDot_WritesDotOnlyAndSaysWhy()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("diagrams", TestFiles.Small, "-o", temp.Path, "--dot", MissingDot);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"note: Graphviz's dot was not found at '{MissingDot}'; install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz), or fix --dot. Wrote the DOT files only; pass --render always to make a missing dot an error.\n",
            run.Error);
        Assert.Equal(5, Directory.EnumerateFiles(temp.Path, "*.dot").Count());
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*.svg"));
    }

    [SkippableFact]
    public void Diagrams_UnknownClaim_ExitsOneWithSuggestion()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("diagrams", TestFiles.Small, "-o", temp.Path, "--claim", "mistak");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown claim 'mistak'; did you mean 'mistake'?\n", run.Error);
        Assert.Empty(Directory.EnumerateFiles(temp.Path));
    }

    [SkippableFact]
    public void Diagrams_BadRenderValue_IsUsageError()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("diagrams", TestFiles.Small, "-o", temp.Path, "--render", "sometimes");

        Assert.Equal(2, run.ExitCode);
    }
}
