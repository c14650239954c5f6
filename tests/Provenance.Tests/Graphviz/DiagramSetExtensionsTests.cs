using Provenance.Graphviz;
using Provenance.Tests.Tracing;

namespace Provenance.Tests.Graphviz;

public sealed class DiagramSetExtensionsTests
{
    private static CitationGraph Graph() => new TestGraph()
        .Report("m", "mod").Assert("m", AssertionMode.FirstHand, claim: "shot-down").Assert("m", AssertionMode.FirstHand, claim: "ns:a/b")
        .Report("a", "sa").Cite("a", "m", claim: "shot-down").Cite("a", "m", claim: "ns:a/b")
        .Claim("Case").Claim("case").Assert("m", AssertionMode.FirstHand, claim: "Case").Assert("m", AssertionMode.FirstHand, claim: "case")
        .Build();

    [SkippableFact]
    public void ToDiagramSet_Defaults_SourcesReportsThenEveryClaimWithEscapedUniqueNames()
    {
        var graph = Graph();

        var set = graph.ToDiagramSet("g");

        Assert.Equal(
            ["g.sources.dot", "g.reports.dot", "g.claim.shot-down.dot", "g.claim.ns%3Aa%2Fb.dot", "g.claim.Case.dot", "g.claim.case~2.dot"],
            set.Files.Select(f => f.FileName));
        Assert.Equal(
            [DotView.Sources, DotView.Reports, DotView.ClaimTrace("shot-down"), DotView.ClaimTrace("ns:a/b"), DotView.ClaimTrace("Case"), DotView.ClaimTrace("case")],
            set.Files.Select(f => f.View));
        Assert.Equal("g.claim.case~2.svg", set.Files[5].SvgFileName);
        Assert.Equal(0, set.OmittedClaimTraces);
    }

    [SkippableFact]
    public void ToDiagramSet_Defaults_EachFileIsToDotWithTheViewsDefaultOptions()
    {
        var graph = Graph();

        var set = graph.ToDiagramSet("g");

        Assert.Equal(graph.ToDot(DotView.Sources, DiagramSetOptions.DefaultSourcesOptions()), set.Files[0].Dot);
        Assert.Equal(graph.ToDot(DotView.Reports, DiagramSetOptions.DefaultReportsOptions()), set.Files[1].Dot);
        var trace = DiagramSetOptions.DefaultTraceOptions();
        trace.Title = "shot-down: Claim shot-down.";
        Assert.Equal(graph.ToDot(DotView.ClaimTrace("shot-down"), trace), set.Files[2].Dot);
        Assert.Contains(">shot-down: Claim shot-down.<BR/>", set.Files[2].Dot, StringComparison.Ordinal);
        Assert.DoesNotContain("cluster_legend", set.Files[2].Dot, StringComparison.Ordinal);
        Assert.Contains(">cites (one edge per citation)<", set.Files[1].Dot, StringComparison.Ordinal);
        Assert.Contains(">cites (label: claim, kind)<", graph.ToDot(DotView.Reports), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ToDiagramSet_TraceOptions_EveryPropertyReachesTheTrace()
    {
        // ToDiagramSet copies the trace options to title each trace; a new DotOptions property must be copied there too.
        Assert.Equal(
            ["CitationStyle", "ClusterBy", "EvidenceTooltips", "Labels", "Links", "MaxLabelLength", "RankDirection", "ReportStyle", "ShowLegend", "SourceStyle", "Theme", "Title"],
            typeof(DotOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal));
        var graph = Graph();
        var traces = new DotOptions
        {
            ClusterBy = DotClusterBy.Affiliation,
            RankDirection = DotRankDirection.TopToBottom,
            Labels = DotLabels.None,
            EvidenceTooltips = false,
            Links = false,
            ShowLegend = true,
            MaxLabelLength = 7,
            ReportStyle = r => r.Id == "m" ? new DotNodeStyle { FillColor = "#123456" } : null,
            CitationStyle = _ => new DotEdgeStyle { Color = "#654321" },
            Theme = DotTheme.Monochrome,
        };

        var dot = graph.ToDiagramSet("g", new DiagramSetOptions { Claims = ["shot-down"], Traces = traces }).Files[2].Dot;

        traces.Title = "shot-down: Claim shot-down.";
        Assert.Equal(graph.ToDot(DotView.ClaimTrace("shot-down"), traces), dot);
        Assert.Contains("#123456", dot, StringComparison.Ordinal);
        Assert.Contains("#654321", dot, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ToDiagramSet_SameInput_SameBytes()
    {
        Assert.Equal(Graph().ToDiagramSet("g"), Graph().ToDiagramSet("g"));
    }

    [SkippableFact]
    public void ToDiagramSet_ChosenClaims_InGivenOrderOnce()
    {
        var set = Graph().ToDiagramSet("g", new DiagramSetOptions { Claims = ["case", "shot-down", "case"] });

        Assert.Equal(["g.sources.dot", "g.reports.dot", "g.claim.case.dot", "g.claim.shot-down.dot"], set.Files.Select(f => f.FileName));
    }

    [SkippableFact]
    public void ToDiagramSet_Cap_CountsClaimsLeftOut()
    {
        var set = Graph().ToDiagramSet("g", new DiagramSetOptions { MaxClaimTraces = 1 });

        Assert.Equal(["g.sources.dot", "g.reports.dot", "g.claim.shot-down.dot"], set.Files.Select(f => f.FileName));
        Assert.Equal(3, set.OmittedClaimTraces);
    }

    [SkippableFact]
    public void ToDiagramSet_UnknownClaim_ThrowsKeyNotFound()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Graph().ToDiagramSet("g", new DiagramSetOptions { Claims = ["nope"] }));

        Assert.Equal("No claim has the id 'nope'.", error.Message);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("..")]
    [InlineData(" g")]
    public void ToDiagramSet_UnusableName_ThrowsArgument(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Graph().ToDiagramSet(name));

        Assert.Equal($"The diagram set name '{name}' is not a usable file name; use the graph file's name without folder or extension, e.g. 'mi24-yeraskh'. (Parameter 'name')", error.Message);
    }

    [SkippableFact]
    public void ToDiagramSet_MaxClaimTracesOutOfRange_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Graph().ToDiagramSet("g", new DiagramSetOptions { MaxClaimTraces = -1 }));

        Assert.Equal("MaxClaimTraces", error.ParamName);
    }

    [SkippableFact]
    public void ToDiagramSet_EveryFile_RendersWithDot()
    {
        foreach (var file in Graph().ToDiagramSet("g").Files)
        {
            GraphvizTestKit.RenderSvg(file.Dot, " for " + file.FileName);
        }
    }
}
