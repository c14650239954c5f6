using Provenance.Graphviz;
using Provenance.Yaml;

namespace Provenance.Tests.Graphviz;

/// <summary>The README's "Diagrams" sample, kept compiling and running.</summary>
public class ReadmeSampleTests
{
    [Fact]
    public async Task DiagramsSample_RunsOnTheBundledGraph()
    {
        var graph = ProvenanceYaml.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "valid", "mi24-excerpt.yaml"));
        var claim = graph.Claims[0].Id;

        var options = new DotOptions { ClusterBy = DotClusterBy.Affiliation, Theme = DotTheme.Monochrome };
        string dot = graph.ToDot(DotView.ClaimTrace(claim), options);
        string mermaid = graph.ToMermaid(DotView.Sources);
        byte[] svg = await new GraphvizRenderer(new GraphvizRendererOptions { DotPath = GraphvizTestKit.DotPath }).RenderAsync(dot, GraphvizFormat.Svg);

        Assert.StartsWith("digraph \"provenance\" {\n", dot, StringComparison.Ordinal);
        Assert.StartsWith("flowchart LR\n", mermaid, StringComparison.Ordinal);
        Assert.Equal("<?xml"u8.ToArray(), svg.Take(5));
    }
}
