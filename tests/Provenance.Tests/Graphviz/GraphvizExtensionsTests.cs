using Provenance.Graphviz;
using static Provenance.Tests.Graphviz.GraphvizTestKit;

namespace Provenance.Tests.Graphviz;

public class GraphvizExtensionsTests
{
    public static TheoryData<string> ViewNames => ["sources", "reports", "downed", "az-mistake", "manpads"];

    private static DotView View(string name) => name switch
    {
        "sources" => DotView.Sources,
        "reports" => DotView.Reports,
        _ => DotView.ClaimTrace(name),
    };

    [SkippableTheory]
    [MemberData(nameof(ViewNames))]
    public void ToDot_SmallGraph_MatchesGolden(string view) =>
        AssertGolden($"small-{(view is "sources" or "reports" ? view : "trace-" + view)}.dot", GraphvizSamples.Small().ToDot(View(view)));

    [SkippableTheory]
    [InlineData("downed")]
    [InlineData("az-mistake")]
    [InlineData("manpads")]
    public void ToDot_ClaimTrace_DotDrawsEveryChainReportAndHop(string claim)
    {
        var graph = GraphvizSamples.Small();
        var trace = graph.Trace(claim);
        var reports = trace.Chains.SelectMany(c => c.Hops.Select(h => h.To).Prepend(c.Report)).Distinct().Order(StringComparer.Ordinal);
        var hops = trace.Chains.SelectMany(c => c.Hops).Select(h => h.From + "->" + h.To).Distinct().Order(StringComparer.Ordinal);

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace(claim)), $" for {claim}");

        // No source of this sample is relayed in two reports, so every report is its own node.
        Assert.Equal(reports, svg.Nodes.Select(RenderedSvg.Title).Order(StringComparer.Ordinal));
        Assert.Equal(hops, svg.Edges.Select(RenderedSvg.Title).Order(StringComparer.Ordinal));
        Assert.Contains(graph.GetClaim(claim).Text, svg.Document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
    }

    [SkippableFact]
    public void ToDot_ClaimTrace_MarksEnds()
    {
        var dot = GraphvizSamples.Small().ToDot(DotView.ClaimTrace("az-mistake"), new DotOptions { ShowLegend = false });
        string Line(string start) => dot.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal) || l.StartsWith("  " + start, StringComparison.Ordinal));

        Assert.Contains("peripheries=\"2\"", Line("  \"zh~tass~az-mfa\" ["), StringComparison.Ordinal);
        Assert.Contains("color=\"#6A1B9A\", penwidth=\"3\"", Line("  \"sf\" ["), StringComparison.Ordinal);
        Assert.Contains("color=\"#6A1B9A\"", Line("  \"eurasian-report\" -> \"sf\""), StringComparison.Ordinal);
        Assert.Contains("style=\"dashed\"", Line("  \"eurasian-report\" -> \"sf\""), StringComparison.Ordinal);
        Assert.Contains("fillcolor=\"#E3F2FD\"", Line("  \"zh\" ["), StringComparison.Ordinal);
        Assert.Contains("label=\"Azerbaijan shot the helicopter down by mistake.\\n3 chains (1 reaches a primary source, 2 cycles) · 1 independent origin: Azerbaijani state\"", dot, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ToDot_ClusteredMonochrome_MatchesGolden() =>
        AssertGolden("small-reports-by-affiliation-mono.dot", GraphvizSamples.Small().ToDot(DotView.Reports, new DotOptions
        {
            ClusterBy = DotClusterBy.Affiliation,
            RankDirection = DotRankDirection.TopToBottom,
            Theme = DotTheme.Monochrome,
            Labels = DotLabels.Claims,
            ShowLegend = false,
            Title = "Mi-24 \"by mistake\"",
        }));

    [SkippableFact]
    public void ToDot_SourcesView_DotDrawsOneNodePerSourceAndOneEdgePerPair()
    {
        var graph = GraphvizSamples.Small();

        var svg = RenderSvg(graph.ToDot(DotView.Sources));

        Assert.Equal(graph.Sources.Select(s => s.Id), svg.Nodes.Select(RenderedSvg.Title));
        Assert.Equal(
            ["eurasian->southfront", "interfax->ru-mod", "southfront->eurasian", "southfront->russian-sources", "tass->az-mfa", "tass->ru-mod", "zerohedge->tass"],
            svg.Edges.Select(RenderedSvg.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["downed, az-mistake", "2 citations"], RenderedSvg.Texts(svg.Edges.Single(e => RenderedSvg.Title(e) == "zerohedge->tass")));
        Assert.Equal(0, svg.LegendNodes);
        Assert.Equal(
            ["source", "primary source (first-hand)", "dead end: no first-hand statement", "states a claim unattributed", "on a citation cycle", "cites (claims, count)", "hedged (alleged, unconfirmed, ...)", "circular reporting"],
            svg.LegendTexts);
    }

    [SkippableFact]
    public void ToDot_ReportsView_DotDrawsEveryReportAndCitation()
    {
        var graph = GraphvizSamples.Small();

        var svg = RenderSvg(graph.ToDot(DotView.Reports));

        Assert.Equal(graph.Reports.Select(r => r.Id), svg.Nodes.Select(RenderedSvg.Title));
        Assert.Equal(graph.Citations.Select(c => c.From + "->" + c.To).Order(StringComparer.Ordinal), svg.Edges.Select(RenderedSvg.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["ZeroHedge", "Azerbaijan Says It Shot Down Russian Helicopter \"By Mistake\"", "article · 2020-11-09"], RenderedSvg.Texts(svg.Node("zh")));
        Assert.Equal(["TASS", "cited in zh"], RenderedSvg.Texts(svg.Node("zh~tass")));
    }

    [SkippableFact]
    public void ToDot_Links_SurviveIntoSvgAsHrefAndTooltip()
    {
        var svg = RenderSvg(GraphvizSamples.Small().ToDot(DotView.Reports));

        Assert.Equal(("mod-statement\nStatement on the Mi-24\n2020-11-09T12:00:00+03:00", "https://mil.ru/statement?id=1&lang=en"), RenderedSvg.Anchor(svg.Node("mod-statement")));
        var edge = svg.Edges.Single(e => RenderedSvg.Title(e) == "eurasian-report->sf");
        Assert.Equal("SouthFront alleged", RenderedSvg.Anchor(edge).Tooltip);
    }

    [SkippableFact]
    public void ToDot_NoLinksNoTooltips_LeavesThemOut()
    {
        var dot = GraphvizSamples.Small().ToDot(DotView.Reports, new DotOptions { Links = false, EvidenceTooltips = false });

        Assert.DoesNotContain("URL=", dot, StringComparison.Ordinal);
        Assert.DoesNotContain("SouthFront alleged", dot, StringComparison.Ordinal);
        var svg = RenderSvg(dot);
        Assert.Null(RenderedSvg.Anchor(svg.Node("mod-statement")).Href);
    }

    [SkippableFact]
    public void ToDot_Marks_StyleNodesAndEdges()
    {
        var dot = GraphvizSamples.Small().ToDot(DotView.Reports, new DotOptions { ShowLegend = false });
        string Line(string start) => dot.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));

        Assert.Contains("fillcolor=\"#C8E6C9\"", Line("  \"mod-statement\" ["), StringComparison.Ordinal);
        Assert.Contains("peripheries=\"2\"", Line("  \"mod-statement\" ["), StringComparison.Ordinal);
        Assert.Contains("shape=\"octagon\"", Line("  \"sf~russian-sources\" ["), StringComparison.Ordinal);
        Assert.Contains("shape=\"note\"", Line("  \"candanga-post\" ["), StringComparison.Ordinal);
        Assert.Contains("style=\"filled,dotted\"", Line("  \"candanga-post\" ["), StringComparison.Ordinal);
        Assert.Contains("color=\"#6A1B9A\"", Line("  \"sf\" ["), StringComparison.Ordinal);
        Assert.Contains("style=\"dashed\"", Line("  \"ifx\" -> \"mod-statement\""), StringComparison.Ordinal);
        Assert.Contains("color=\"#6A1B9A\"", Line("  \"sf\" -> \"eurasian-report\""), StringComparison.Ordinal);
        Assert.Contains("  {\n    rank=\"same\";\n    \"mod-statement\";\n    \"zh~tass~az-mfa\";\n  }\n", dot, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DotClusterBy.Affiliation, new[] { "cluster_ru_state", "cluster_az_state" })]
    [InlineData(DotClusterBy.Country, new[] { "cluster_AZ", "cluster_IN", "cluster_RU", "cluster_US" })]
    public void ToDot_Clusters_AreUniqueAndDrawn(DotClusterBy by, string[] expected)
    {
        var svg = RenderSvg(GraphvizSamples.Small().ToDot(DotView.Sources, new DotOptions { ClusterBy = by }));

        Assert.Equal(expected.Order(StringComparer.Ordinal), svg.Groups("cluster").Select(RenderedSvg.Title).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void ToDot_ClusterNamesThatSanitiseAlike_AreNumbered()
    {
        var graph = new CitationGraphBuilder()
            .AddAffiliation(new Affiliation("a-b", "first"))
            .AddAffiliation(new Affiliation("a.b", "second"))
            .AddAffiliation(new Affiliation("legend", "third"))
            .AddSource(new Source("s1", "S1", SourceKind.Outlet) { Affiliation = "a-b" })
            .AddSource(new Source("s2", "S2", SourceKind.Outlet) { Affiliation = "a.b" })
            .AddSource(new Source("s3", "S3", SourceKind.Outlet) { Affiliation = "legend" })
            .Build();

        var svg = RenderSvg(graph.ToDot(DotView.Sources, new DotOptions { ClusterBy = DotClusterBy.Affiliation }));

        Assert.Equal(["cluster_a_b", "cluster_a_b_2", "cluster_legend"], svg.Groups("cluster").Select(RenderedSvg.Title));
    }

    [SkippableFact]
    public void ToDot_HostileText_DotDrawsItLiterally()
    {
        var graph = GraphvizSamples.Hostile();
        var options = new DotOptions { MaxLabelLength = 1000, ClusterBy = DotClusterBy.Affiliation };

        foreach (var view in new[] { DotView.Sources, DotView.Reports })
        {
            var svg = RenderSvg(graph.ToDot(view, options), $" for {view}");
            var isSources = view == DotView.Sources;

            Assert.Equal(graph.Sources.Length, svg.Nodes.Count);
            Assert.Equal(graph.Citations.Length, svg.Edges.Count);
            foreach (var source in graph.Sources)
            {
                var node = svg.Node(isSources ? source.Id : "r" + source.Id);
                Assert.Equal(DotWriterTests.Lines(source.Name), RenderedSvg.Texts(node).Take(DotWriterTests.Lines(source.Name).Length));
            }

            foreach (var citation in graph.Citations)
            {
                var from = isSources ? graph.GetReport(citation.From).Source : citation.From;
                var to = isSources ? graph.GetReport(citation.To).Source : citation.To;
                var edge = svg.Edges.Single(e => RenderedSvg.Title(e) == from + "->" + to);
                var evidence = citation.Evidence!.Replace("\r\n", "\n", StringComparison.Ordinal);
                Assert.Equal(isSources ? "c: " + evidence : evidence, RenderedSvg.Anchor(edge).Tooltip);
            }

            var links = svg.Nodes.Select(n => RenderedSvg.Anchor(n).Href).OfType<string>().ToList();
            Assert.DoesNotContain(links, l => l.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(isSources ? "https://example.org/a?b=%22%3Cc%3E&d=%27e%27%20f" : "https://example.org/4", links);
        }
    }

    [SkippableFact]
    public void ToDot_ReportTitles_DotDrawsThemLiterally()
    {
        var graph = GraphvizSamples.Hostile();

        var svg = RenderSvg(graph.ToDot(DotView.Reports, new DotOptions { MaxLabelLength = 1000 }));

        foreach (var report in graph.Reports.Where(r => !string.IsNullOrEmpty(r.Title)))
        {
            var texts = RenderedSvg.Texts(svg.Node(report.Id));
            var name = DotWriterTests.Lines(graph.GetSource(report.Source).Name).Length;
            Assert.Equal(DotWriterTests.Lines(report.Title!), texts.Skip(name).Take(DotWriterTests.Lines(report.Title!).Length));
        }
    }

    [SkippableFact]
    public void ToDot_RandomGraphs_DotAcceptsEveryView()
    {
        for (var seed = 1; seed <= 25; seed++)
        {
            var graph = GraphvizSamples.Random(seed);
            var options = new DotOptions { ClusterBy = (DotClusterBy)(seed % 3), RankDirection = (DotRankDirection)(seed % 4), Theme = seed % 2 == 0 ? DotTheme.Default : DotTheme.Monochrome };
            var pairs = graph.Citations.Select(c => (graph.GetReport(c.From).Source, graph.GetReport(c.To).Source)).Distinct().Count();

            var sources = RenderSvg(graph.ToDot(DotView.Sources, options), $" (seed {seed}, sources)");
            var reports = RenderSvg(graph.ToDot(DotView.Reports, options), $" (seed {seed}, reports)");

            Assert.True(graph.Sources.Length == sources.Nodes.Count, $"seed {seed}: {sources.Nodes.Count} source nodes, expected {graph.Sources.Length}");
            Assert.True(pairs == sources.Edges.Count, $"seed {seed}: {sources.Edges.Count} source edges, expected {pairs}");
            Assert.True(graph.Reports.Length == reports.Nodes.Count, $"seed {seed}: {reports.Nodes.Count} report nodes, expected {graph.Reports.Length}");
            Assert.True(graph.Citations.Length == reports.Edges.Count, $"seed {seed}: {reports.Edges.Count} report edges, expected {graph.Citations.Length}");
            Assert.True(graph.ToDot(DotView.Reports, options) == graph.ToDot(DotView.Reports, options), $"seed {seed}: output is not deterministic");
            foreach (var claim in graph.Claims)
            {
                var trace = graph.Trace(claim.Id);
                var traced = RenderSvg(graph.ToDot(DotView.ClaimTrace(claim.Id), options), $" (seed {seed}, trace of {claim.Id})");
                AssertTraceDrawing(graph, trace, traced, $"seed {seed}, {claim.Id}");
            }
        }
    }

    [SkippableFact]
    public void ToDot_Output_UsesOnlyLineFeeds()
    {
        var dot = GraphvizSamples.Hostile().ToDot(DotView.Reports);

        Assert.DoesNotContain('\r', dot);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ToDot_TextWriter_WritesTheSameText()
    {
        var graph = GraphvizSamples.Small();
        var writer = new StringWriter { NewLine = "\r\n" };

        graph.ToDot(DotView.Sources, writer);

        Assert.Equal(graph.ToDot(DotView.Sources), writer.ToString());
    }

    [SkippableFact]
    public void ToDot_OtherCulture_GivesTheSameBytes()
    {
        var graph = GraphvizSamples.Small();
        var invariant = graph.ToDot(DotView.Sources);
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(invariant, graph.ToDot(DotView.Sources));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [SkippableFact]
    public void ToDot_NullArguments_Throw()
    {
        var graph = GraphvizSamples.Small();

        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => GraphvizExtensions.ToDot(null!, DotView.Sources)).ParamName);
        Assert.Equal("view", Assert.Throws<ArgumentNullException>(() => graph.ToDot(null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => graph.ToDot(DotView.Sources, (TextWriter)null!)).ParamName);
    }

    [SkippableFact]
    public void ToDot_HostileClaimTrace_DotDrawsIt()
    {
        var graph = GraphvizSamples.Hostile();

        var svg = RenderSvg(graph.ToDot(DotView.ClaimTrace("c"), new DotOptions { MaxLabelLength = 1000, ClusterBy = DotClusterBy.Country }));

        Assert.Equal(graph.Reports.Length, svg.Nodes.Count);
        Assert.Equal(graph.Citations.Length, svg.Edges.Count);
        Assert.Contains("claim \" \\ text", svg.Document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
    }

    [SkippableFact]
    public void ToDot_UnknownClaim_Throws()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => GraphvizSamples.Small().ToDot(DotView.ClaimTrace("nope")));

        Assert.Equal("No claim has the id 'nope'.", error.Message);
    }

    [SkippableFact]
    public void ToDot_MaxLabelLength_CutsLabels()
    {
        var dot = GraphvizSamples.Small().ToDot(DotView.Sources, new DotOptions { MaxLabelLength = 6, Labels = DotLabels.None });

        Assert.Contains("label=<<B>Russi…</B>>", dot, StringComparison.Ordinal);
    }
}
