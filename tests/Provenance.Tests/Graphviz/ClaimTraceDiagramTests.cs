using Provenance.Graphviz;
using Provenance.Yaml;
using static Provenance.Tests.Graphviz.GraphvizTestKit;

namespace Provenance.Tests.Graphviz;

/// <summary>The claim-trace view answers "how many independent origins?" (issue 19), checked on dot's SVG.</summary>
public class ClaimTraceDiagramTests
{
    [SkippableFact]
    public void ClusterBy_ClaimTrace_AlwaysBoxesTheOriginsWhileOtherViewsFollowIt()
    {
        var graph = ProvenanceYaml.Load(TestRepository.File("graphs", "mi24-yeraskh.yaml"));
        DotOptions By(DotClusterBy by) => new() { ClusterBy = by };

        var outputs = new List<(string Name, string Dot, string Mermaid)>();
        foreach (var claim in graph.Claims)
        {
            var view = DotView.ClaimTrace(claim.Id);
            var dot = graph.ToDot(view, By(DotClusterBy.None));
            var mermaid = graph.ToMermaid(view, By(DotClusterBy.None));
            foreach (var by in new[] { DotClusterBy.Affiliation, DotClusterBy.Country })
            {
                Assert.True(dot == graph.ToDot(view, By(by)), $"the {claim.Id} trace's DOT changes with ClusterBy = {by}");
                Assert.True(mermaid == graph.ToMermaid(view, By(by)), $"the {claim.Id} trace's Mermaid changes with ClusterBy = {by}");
            }

            // One box per independent origin, whatever ClusterBy says.
            Assert.Equal(graph.Trace(claim.Id).IndependentOrigins.Count, dot.Split('\n').Count(l => l.TrimStart().StartsWith("subgraph \"cluster_", StringComparison.Ordinal)));
            outputs.Add(("the bundled " + claim.Id + " trace", dot, mermaid));
        }

        foreach (var view in new[] { DotView.Sources, DotView.Reports })
        {
            var byCountry = graph.ToDot(view, By(DotClusterBy.Country));
            Assert.DoesNotContain("subgraph \"cluster_", graph.ToDot(view, By(DotClusterBy.None)), StringComparison.Ordinal);
            Assert.Contains("subgraph \"cluster_", graph.ToDot(view, By(DotClusterBy.Affiliation)), StringComparison.Ordinal);
            Assert.Contains("subgraph \"cluster_", byCountry, StringComparison.Ordinal);
            RenderSvg(byCountry, $" for the bundled {view} by country");
        }

        foreach (var (name, dot, mermaid) in outputs)
        {
            RenderSvg(dot, " for " + name);
            MermaidCheck.AssertRenders(mermaid, name);
        }
    }

    /// <summary>Three outlets relay the Russian MoD through implicit reports; one also cites TASS, which relays the Azerbaijani MFA; two relays of Interfax dead-end.</summary>
    internal static CitationGraph Relayed() => new CitationGraphBuilder()
        .AddAffiliation(new Affiliation("ru-state", "Russian state"))
        .AddAffiliation(new Affiliation("az-state", "Azerbaijani state"))
        .AddSource(new Source("ru-mod", "Russian Ministry of Defence", SourceKind.Government) { Affiliation = "ru-state" })
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency) { Affiliation = "ru-state" })
        .AddSource(new Source("az-mfa", "Azerbaijani MFA", SourceKind.Government) { Affiliation = "az-state" })
        .AddSource(new Source("interfax", "Interfax", SourceKind.NewsAgency))
        .AddSource(new Source("a", "Outlet A", SourceKind.Outlet))
        .AddSource(new Source("b", "Outlet B", SourceKind.Outlet))
        .AddSource(new Source("c", "Outlet C", SourceKind.Outlet))
        .AddClaim(new Claim("down", "It was shot down."))
        .AddReport(new Report("ra", "a", ReportKind.Article))
        .AddReport(new Report("rb", "b", ReportKind.Article))
        .AddReport(new Report("rc", "c", ReportKind.Article))
        .AddReport(Report.Implicit("ra~ru-mod", "ru-mod", "ra"))
        .AddReport(Report.Implicit("rb~ru-mod", "ru-mod", "rb"))
        .AddReport(Report.Implicit("rc~ru-mod", "ru-mod", "rc"))
        .AddReport(Report.Implicit("ra~tass", "tass", "ra"))
        .AddReport(Report.Implicit("rb~tass", "tass", "rb"))
        .AddReport(Report.Implicit("ra~tass~az-mfa", "az-mfa", "ra"))
        .AddReport(Report.Implicit("rb~tass~ru-mod", "ru-mod", "rb"))
        .AddReport(Report.Implicit("ra~interfax", "interfax", "ra"))
        .AddReport(Report.Implicit("rc~interfax", "interfax", "rc"))
        .AddAssertion(new Assertion("ra~ru-mod", "down", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("rb~ru-mod", "down", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("rc~ru-mod", "down", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("ra~tass~az-mfa", "down", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("rb~tass~ru-mod", "down", AssertionMode.FirstHand))
        .AddCitation(new Citation("ra", "ra~ru-mod", "down", CitationKind.Confirms, Hedge.None, "A: the MoD confirmed"))
        .AddCitation(new Citation("rb", "rb~ru-mod", "down", CitationKind.AccordingTo, Hedge.None, "B: according to the MoD"))
        .AddCitation(new Citation("rc", "rc~ru-mod", "down", CitationKind.DirectQuote, Hedge.None, "C: the MoD said"))
        .AddCitation(new Citation("ra", "ra~tass", "down", CitationKind.AccordingTo, Hedge.None, "A: TASS"))
        .AddCitation(new Citation("rb", "rb~tass", "down", CitationKind.AccordingTo, Hedge.None, "B: TASS"))
        .AddCitation(new Citation("ra~tass", "ra~tass~az-mfa", "down", CitationKind.Citing, Hedge.None, "TASS citing the MFA"))
        .AddCitation(new Citation("rb~tass", "rb~tass~ru-mod", "down", CitationKind.Citing, Hedge.None, "TASS citing the MoD"))
        .AddCitation(new Citation("ra", "ra~interfax", "down", CitationKind.AccordingTo, Hedge.None, "A: Interfax"))
        .AddCitation(new Citation("rc", "rc~interfax", "down", CitationKind.AccordingTo, Hedge.None, "C: Interfax"))
        .Build();

    [SkippableFact]
    public void ToDot_SourceRelayedInSeveralReports_DrawsItOncePerEndKind()
    {
        var graph = Relayed();
        var trace = graph.Trace("down");

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace("down")));

        AssertTraceDrawing(graph, trace, svg, "relayed");
        Assert.Equal(1, svg.Nodes.Count(n => RenderedSvg.Texts(n).Contains("Russian Ministry of Defence")));
        Assert.Equal(1, svg.Nodes.Count(n => RenderedSvg.Texts(n).Contains("Interfax")));
        Assert.Equal(["Russian Ministry of Defence", "cited in 4 reports · 4 chains"], RenderedSvg.Texts(svg.Node("source ru-mod")));
        Assert.Equal(["Interfax", "cited in 2 reports · 2 chains"], RenderedSvg.Texts(svg.Node("source interfax dead end")));
        Assert.Equal("ru-mod\nas cited by:\n  ra\n  rb\n  rb~tass\n  rc", RenderedSvg.Anchor(svg.Node("source ru-mod")).Tooltip);
    }

    [SkippableFact]
    public void ToDot_RelaysOfOneSourceLeadingToDifferentOrigins_StayApart()
    {
        var graph = Relayed();

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace("down")));

        // Merging ra~tass and rb~tass would draw a path from rb to the Azerbaijani MFA that no chain takes.
        Assert.Contains("ra~tass", svg.Nodes.Select(RenderedSvg.Title));
        Assert.Contains("rb~tass", svg.Nodes.Select(RenderedSvg.Title));
    }

    [SkippableFact]
    public void ToDot_ClaimTrace_OneBoxPerIndependentOriginWithItsPrimarySources()
    {
        var graph = Relayed();
        var origins = graph.IndependentOrigins("down");

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace("down")));

        var clusters = svg.Groups("cluster").ToList();
        Assert.Equal(origins.Count, clusters.Count);
        Assert.Equal(["Russian state · 4 chains"], RenderedSvg.Texts(clusters[0]));
        Assert.Equal(["Azerbaijani state · 1 chain"], RenderedSvg.Texts(clusters[1]));
        // dot nests nothing in a cluster's group; its nodes are those drawn inside its box.
        Assert.True(Inside(svg.Node("source ru-mod"), clusters[0]));
        Assert.True(Inside(svg.Node("ra~tass~az-mfa"), clusters[1]));
        Assert.False(Inside(svg.Node("rb~tass"), clusters[0]));
    }

    [SkippableFact]
    public void ToDot_ClaimTrace_TitleGivesTheHeadlineAnswer()
    {
        var graph = Relayed();

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace("down")));

        Assert.Equal(
            ["It was shot down.", "7 chains (5 reach a primary source, 2 dead ends) · 2 independent origins: Russian state, Azerbaijani state"],
            svg.GraphTexts.Where(t => (string?)t.Attribute("font-size") == "13.00").Select(t => t.Value.Replace('\u00A0', ' ')));
    }

    [SkippableFact]
    public void ToDot_Legend_ShowsOnlyTheMarksUsed()
    {
        var graph = Relayed();

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace("down")));

        // No hedge, cycle or unattributed assertion in this trace, so no entry for them.
        Assert.Equal(
            ["asserts the claim", "known only as cited", "primary source (first-hand)", "dead end: no first-hand statement", "cites (kind, hedge, chains)", "box: one independent origin"],
            svg.LegendTexts);
        Assert.Equal(0, svg.LegendNodes);
    }

    [SkippableFact]
    public void ToDot_Legend_TakesAtMostASeventhOfTheBundledDiagrams()
    {
        var graph = ProvenanceYaml.Load(Path.Combine(Repository(), "graphs", "mi24-yeraskh.yaml"));
        var views = new List<DotView> { DotView.Sources, DotView.Reports };
        views.AddRange(graph.Claims.Select(c => DotView.ClaimTrace(c.Id)));
        var worst = 0.0;
        foreach (var view in views)
        {
            var svg = RenderSvg(graph.ToDot(view), $" ({view})");
            var share = svg.LegendShare(DotTheme.Default.ClusterColor);
            Assert.True(share > 0, $"{view}: no legend found");
            Assert.True(share <= 0.15, $"{view}: the legend takes {share:P1} of the drawing");
            worst = Math.Max(worst, share);
        }

        Assert.InRange(worst, 0.001, 0.15);
    }

    [SkippableFact]
    public void ToDot_BundledShotDown_SaysNineChainsTwoOriginsAndDrawsTheMinistryOnce()
    {
        // Read from the five articles: the Russian MoD is cited for the shooting-down by all five (six times: ZeroHedge
        // through RT and through Sputnik), the Azerbaijani MoD by Anon Candanga; ZeroHedge's Interfax and Sputnik Armenia
        // reports say "shot down" without naming who said it first.
        var graph = ProvenanceYaml.Load(Path.Combine(Repository(), "graphs", "mi24-yeraskh.yaml"));

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace("shot-down")));

        Assert.Contains("9 chains (7 reach a primary source, 2 dead ends) · 2 independent origins: Russian state, Azerbaijani state", svg.GraphTexts.Select(t => t.Value.Replace('\u00A0', ' ')));
        Assert.Equal(1, svg.Nodes.Count(n => RenderedSvg.Texts(n).Contains("Russian Ministry of Defence")));
        Assert.Equal(2, svg.Groups("cluster").Count());
        AssertTraceDrawing(graph, graph.Trace("shot-down"), svg, "shot-down");
    }

    /// <summary>Whether a node's centre lies in a cluster's box (dot draws rounded boxes as paths).</summary>
    private static bool Inside(System.Xml.Linq.XElement node, System.Xml.Linq.XElement cluster)
    {
        static List<double[]> Points(System.Xml.Linq.XElement group) =>
            [.. group.Descendants().Where(e => e.Name.LocalName is "polygon" or "path" or "ellipse").SelectMany(e => e.Name.LocalName switch
            {
                "ellipse" => [[(double)e.Attribute("cx")!, (double)e.Attribute("cy")!]],
                "polygon" => Pairs((string)e.Attribute("points")!),
                _ => Pairs((string)e.Attribute("d")!),
            })];

        static IEnumerable<double[]> Pairs(string text) =>
            System.Text.RegularExpressions.Regex.Matches(text, @"-?[0-9.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Chunk(2).Where(p => p.Length == 2);

        var n = Points(node);
        var c = Points(cluster);
        var (x, y) = ((n.Min(p => p[0]) + n.Max(p => p[0])) / 2, (n.Min(p => p[1]) + n.Max(p => p[1])) / 2);
        return x > c.Min(p => p[0]) && x < c.Max(p => p[0]) && y > c.Min(p => p[1]) && y < c.Max(p => p[1]);
    }

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Provenance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }
}
