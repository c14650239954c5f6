using Provenance.Graphviz;

namespace Provenance.Tests.Graphviz;

public class TraceHeadlineTests
{
    [Fact]
    public void Of_ChainsEndingEverywhere_CountsEachKind()
    {
        var graph = ClaimTraceDiagramTests.Relayed();

        Assert.Equal("7 chains (5 reach a primary source, 2 dead ends) · 2 independent origins: Russian state, Azerbaijani state", TraceHeadline.Of(graph, graph.Trace("down")));
    }

    [Fact]
    public void Of_CycleAndLoneSource_NamesTheSource()
    {
        var graph = GraphvizSamples.Small();

        Assert.Equal("3 chains (1 reaches a primary source, 2 cycles) · 1 independent origin: Azerbaijani state", TraceHeadline.Of(graph, graph.Trace("az-mistake")));
        Assert.Equal("3 chains (2 reach a primary source, 1 dead end) · 1 independent origin: Russian state", TraceHeadline.Of(graph, graph.Trace("downed")));
    }

    [Fact]
    public void Of_OnlyAnUnattributedAssertion_SaysNoOrigin()
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Person))
            .AddClaim(new Claim("c", "C."))
            .AddReport(new Report("r", "s", ReportKind.Post))
            .AddAssertion(new Assertion("r", "c", AssertionMode.Unattributed))
            .Build();

        Assert.Equal("1 chain (1 dead end) · no independent origin", TraceHeadline.Of(graph, graph.Trace("c")));
    }

    [Fact]
    public void Of_Null_Throws()
    {
        var graph = GraphvizSamples.Small();

        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => TraceHeadline.Of(null!, graph.Trace("downed"))).ParamName);
        Assert.Equal("trace", Assert.Throws<ArgumentNullException>(() => TraceHeadline.Of(graph, null!)).ParamName);
    }
}
