using System.Text.Json;
using Provenance.Graphviz;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Cli.Tests.Commands;

public class ExportCommandTests
{
    [SkippableTheory]
    [InlineData("dot")]
    [InlineData("mermaid")]
    public void Export_DiagramToStandardOutput_IsTheLibraryOutput(string format)
    {
        var graph = ProvenanceYaml.Load(TestFiles.Small);

        var run = CliRun.Of("export", TestFiles.Small, "--format", format, "--view", "reports");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(format == "dot" ? graph.ToDot(DotView.Reports) : graph.ToMermaid(DotView.Reports), run.Output);
        if (format == "mermaid")
        {
            MermaidCheck.AssertRenders(run.Output, "provenance export small.yaml --format mermaid --view reports");
        }
    }

    [Fact]
    public void Export_DefaultView_IsSources()
    {
        var run = CliRun.Of("export", TestFiles.Small, "--format", "dot");

        Assert.Equal(ProvenanceYaml.Load(TestFiles.Small).ToDot(DotView.Sources), run.Output);
    }

    [Fact]
    public void Export_ProvJsonToFile_ImportsBackToTheSameGraph()
    {
        using var temp = new TestFiles.TempFolder();
        var json = temp.File("graph.prov.json");
        var yaml = temp.File("back.yaml");

        var export = CliRun.Of("export", TestFiles.Small, "--format", "prov-json", "-o", json);
        var import = CliRun.Of("import", json, "-o", yaml);

        Assert.Equal(0, export.ExitCode);
        Assert.Equal("", export.Output);
        using (var document = JsonDocument.Parse(File.ReadAllText(json)))
        {
            Assert.True(document.RootElement.TryGetProperty("prefix", out _));
        }

        Assert.Equal(0, import.ExitCode);
        Assert.Equal($"{yaml}: wrote 5 sources, 3 claims, 6 reports (2 implicit), 5 citations.\n", import.Output);
        Assert.True(ProvenanceYaml.Load(TestFiles.Small).ContentEquals(ProvenanceYaml.Load(yaml)));
    }

    [Fact]
    public void Export_ProvN_IsTheLibraryOutput()
    {
        var run = CliRun.Of("export", TestFiles.Small, "--format", "prov-n");

        Assert.Equal(ProvenanceYaml.Load(TestFiles.Small).ToProvN(), run.Output);
    }

    [Fact]
    public void Export_ViewWithProvFormat_ExitsTwo()
    {
        var run = CliRun.Of("export", TestFiles.Small, "--format", "prov-json", "--view", "reports");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --view does not apply to --format prov-json, which always exports the whole graph; leave it out.\n", run.Error);
    }

    [Fact]
    public void Export_MalformedView_ExitsTwo()
    {
        var run = CliRun.Of("export", TestFiles.Small, "--format", "dot", "--view", "claims");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --view 'claims' is not a view; use 'sources', 'reports' or 'claim:<id>'.\nRun 'provenance export --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Export_UnknownFormat_ExitsTwo()
    {
        var run = CliRun.Of("export", TestFiles.Small, "--format", "graphml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Argument 'graphml' not recognized. Must be one of:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ClaimViewOfUnknownClaim_ExitsOneWithSuggestion()
    {
        var run = CliRun.Of("export", TestFiles.Small, "--format", "dot", "--view", "claim:mistakes");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown claim 'mistakes'; did you mean 'mistake'?\n", run.Error);
    }

    [Fact]
    public void Export_ClaimView_IsTheClaimTrace()
    {
        var run = CliRun.Of("export", TestFiles.Small, "--format", "dot", "--view", "claim:mistake");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(ProvenanceYaml.Load(TestFiles.Small).ToDot(DotView.ClaimTrace("mistake")), run.Output);
    }
}
