using Provenance.Graphviz;
using Provenance.Prov;
using Provenance.Tests.Tracing;
using Provenance.Yaml;

namespace Provenance.Tests.Model;

/// <summary><see cref="CitationKind.Inferred"/>: a hop no text states, kept apart from stated ones in every format and view.</summary>
public sealed class InferredCitationTests
{
    private const string Yaml = """
        sources:
          - { id: wire, name: Wire, kind: news-agency }
          - { id: copier, name: Copier, kind: outlet }
          - { id: mod, name: Ministry, kind: government }
          - { id: agency, name: Agency, kind: news-agency }
        claims:
          - { id: c, text: The crash was caused by a missile. }
        reports:
          - id: wire-1
            source: wire
            kind: article
            assertions:
              - claim: c
                wording: "The crash was caused by a loss of control after a missile hit the aircraft"
                via:
                  - { source: agency, kind: citing, evidence: "the agency said" }
          - id: copy-1
            source: copier
            kind: article
            assertions:
              - claim: c
                wording: "the crash was caused by a loss of control after a missile hit the aircraft"
                via:
                  - { source: mod, kind: according-to, evidence: "Russia said" }
                  - { report: wire-1, kind: inferred, evidence: "the crash was caused by a loss of control after a missile hit the aircraft" }
        """;

    private static CitationGraph Graph() => ProvenanceYaml.Parse(Yaml, "inferred.yaml");

    [Fact]
    public void Yaml_ReadsTheWireName_AndTheNameRoundTrips()
    {
        var graph = Graph();
        var inferred = Assert.Single(graph.Citations, c => c.Kind == CitationKind.Inferred);
        Assert.Equal(("copy-1", "wire-1"), (inferred.From, inferred.To));
        Assert.Equal("inferred", ProvenanceNames.Of(CitationKind.Inferred));
        Assert.Contains("kind: inferred", ProvenanceYaml.ToYaml(graph), StringComparison.Ordinal);
        Assert.True(graph.ContentEquals(ProvenanceYaml.Parse(ProvenanceYaml.ToYaml(graph), "again.yaml")));
    }

    [Fact]
    public void JsonLines_KeepsTheKind()
    {
        var graph = Graph();
        var jsonl = Provenance.Bulk.ProvenanceJsonLines.Serialize(graph);
        Assert.Contains("\"inferred\"", jsonl, StringComparison.Ordinal);
        Assert.True(graph.ContentEquals(Provenance.Bulk.ProvenanceJsonLines.Parse(jsonl, "inferred.jsonl")));
    }

    [Fact]
    public void ProvJson_KeepsTheKind()
    {
        var graph = Graph();
        var json = graph.ToProvJson();
        Assert.Contains("\"inferred\"", json, StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var back = ProvJson.Import(stream, "inferred.json").Graph;
        Assert.True(graph.ContentEquals(back));
    }

    [Fact]
    public void Trace_FollowsTheInferredHop_AsTheWeakestOfTheChain()
    {
        var graph = Graph();
        var trace = graph.Trace("c");
        var viaWire = Assert.Single(trace.Chains, c => c.Report == "copy-1" && c.Hops[0].Kind == CitationKind.Inferred);
        Assert.Equal(["wire-1", "wire-1~agency"], viaWire.Hops.Select(h => h.To));
        Assert.Equal(CitationKind.Inferred, viaWire.WeakestHop!.Kind);

        // Weaker than every stated kind, whatever the order of the hops.
        foreach (var stated in Enum.GetValues<CitationKind>().Where(k => k != CitationKind.Inferred))
        {
            var chain = new TestGraph()
                .Report("a", "a").Assert("a", AssertionMode.Attributed).Cite("a", "b", kind: stated)
                .Report("b", "b").Assert("b", AssertionMode.Attributed).Cite("b", "x", kind: CitationKind.Inferred)
                .Report("x", "x").Assert("x", AssertionMode.FirstHand)
                .Build().Trace("c").Chains.Single(c => c.Report == "a");
            Assert.Equal(CitationKind.Inferred, chain.WeakestHop!.Kind);
        }
    }

    [Fact]
    public void HiddenRelays_AnInferredCitationExplainsTheReuse()
    {
        var withoutHop = ProvenanceYaml.Parse(Yaml.Replace("- { report: wire-1, kind: inferred", "# { report: wire-1, kind: inferred", StringComparison.Ordinal), "no-hop.yaml");
        Assert.Single(withoutHop.HiddenRelays().Relays);
        Assert.Empty(Graph().HiddenRelays().Relays);
    }

    [SkippableFact]
    public void Diagrams_DrawInferredEdgesDottedWithTheirOwnLegendEntry_OnlyWhenUsed()
    {
        var graph = Graph();
        var dot = graph.ToDot(DotView.Reports, new DotOptions { ShowLegend = true });
        var edge = dot.Split('\n').Single(l => l.Contains("\"copy-1\" -> \"wire-1\"", StringComparison.Ordinal));
        Assert.Contains("style=\"dotted\"", edge.Replace("style=dotted", "style=\"dotted\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("#00897B", edge, StringComparison.Ordinal);
        Assert.Contains("inferred: shared wording, not credited", dot, StringComparison.Ordinal);
        var stated = dot.Split('\n').Single(l => l.Contains("\"copy-1\" -> \"copy-1~mod\"", StringComparison.Ordinal));
        Assert.DoesNotContain("dotted", stated, StringComparison.Ordinal);

        var trace = graph.ToDot(DotView.ClaimTrace("c"), new DotOptions { ShowLegend = true });
        Assert.Contains("inferred: shared wording, not credited", trace, StringComparison.Ordinal);
        Assert.Contains("dotted", trace, StringComparison.Ordinal);

        var plain = ProvenanceYaml.Parse(Yaml.Replace("kind: inferred", "kind: citing", StringComparison.Ordinal), "plain.yaml");
        Assert.DoesNotContain("inferred:", plain.ToDot(DotView.Reports, new DotOptions { ShowLegend = true }), StringComparison.Ordinal);
        var mermaid = graph.ToMermaid(DotView.Reports, new DotOptions { ShowLegend = true });
        Assert.Contains("-.->", mermaid, StringComparison.Ordinal);
        Assert.Contains("inferred: shared wording, not credited", mermaid, StringComparison.Ordinal);
        var plainMermaid = plain.ToMermaid(DotView.Reports, new DotOptions { ShowLegend = true });
        Assert.DoesNotContain("-.->", plainMermaid, StringComparison.Ordinal);

        // Every DOT through the real dot, every Mermaid through Mermaid (issue 19).
        Provenance.Tests.Graphviz.GraphvizTestKit.RenderSvg(dot, " (inferred edges, reports)");
        Provenance.Tests.Graphviz.GraphvizTestKit.RenderSvg(trace, " (inferred edges, claim trace)");
        MermaidCheck.AssertRenders(mermaid, "the reports view with an inferred edge");
        MermaidCheck.AssertRenders(plainMermaid, "the reports view with the inferred edge stated as citing");
    }
}
