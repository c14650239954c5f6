using Provenance.Graphviz;
using Provenance.Yaml;
using static Provenance.Tests.Graphviz.GraphvizTestKit;

namespace Provenance.Tests.Graphviz;

/// <summary>Every view of every bundled graph (graphs/*.yaml) is drawn by the real dot with the expected nodes and edges.</summary>
public class BundledGraphDiagramTests
{
    public static TheoryData<string> Graphs()
    {
        return [.. Directory.GetFiles(TestRepository.File("graphs"), "*.yaml").Order(StringComparer.Ordinal)];
    }

    [SkippableTheory]
    [MemberData(nameof(Graphs))]
    public void ToDot_BundledGraph_DotDrawsEveryView(string path)
    {
        var graph = ProvenanceYaml.Load(path);
        var options = new DotOptions { ClusterBy = DotClusterBy.Affiliation };

        var sources = RenderSvg(graph.ToDot(DotView.Sources, options), $" ({path}, sources)");
        var reports = RenderSvg(graph.ToDot(DotView.Reports, options), $" ({path}, reports)");

        Assert.Equal(graph.Sources.Length, sources.Nodes.Count);
        Assert.Equal(graph.Citations.Select(c => (graph.GetReport(c.From).Source, graph.GetReport(c.To).Source)).Distinct().Count(), sources.Edges.Count);
        Assert.Equal(graph.Reports.Length, reports.Nodes.Count);
        Assert.Equal(graph.Citations.Length, reports.Edges.Count);
        foreach (var claim in graph.Claims)
        {
            var trace = graph.Trace(claim.Id);
            var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace(claim.Id), options), $" ({path}, trace of {claim.Id})");
            AssertTraceDrawing(graph, trace, svg, $"{path}, trace of {claim.Id}");
        }
    }
}
