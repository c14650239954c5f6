namespace Provenance.Tests.Tracing;

/// <summary>
/// A 1,000,000-hop chain inside one report (r -> r~n1 -> ... -> r~n1000000, first-hand at the end, for claim "c"), closed
/// into one big cycle by a citation for claim "loop" from the last report back to r. Built once, on first use, for the class.
/// </summary>
public sealed class DeepChainFixture
{
    public const int Hops = 1_000_000;

    private readonly Lazy<CitationGraph> graph = new(Build);

    public CitationGraph Graph => graph.Value;

    public static string Node(int i) => i == 0 ? "r" : "r~n" + i;

    private static CitationGraph Build()
    {
        var builder = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Outlet))
            .AddClaim(new Claim("c", "C."))
            .AddClaim(new Claim("loop", "Loop."))
            .AddReport(new Report("r", "s", ReportKind.Article));
        for (var i = 1; i <= Hops; i++)
        {
            builder.AddReport(Report.Implicit(Node(i), "s", "r"));
            builder.AddCitation(new Citation(Node(i - 1), Node(i), "c", CitationKind.Citing));
        }

        return builder
            .AddAssertion(new Assertion(Node(Hops), "c", AssertionMode.FirstHand))
            .AddAssertion(new Assertion("r", "loop", AssertionMode.Unattributed))
            .AddCitation(new Citation(Node(Hops), "r", "loop", CitationKind.Citing))
            .Build();
    }
}

public partial class CitationGraphQueriesTests(DeepChainFixture deep) : IClassFixture<DeepChainFixture>
{
    [Fact]
    public void Trace_MillionHopChain_DoesNotOverflow()
    {
        var result = deep.Graph.Trace("c");

        var chain = Assert.Single(result.Chains);
        Assert.Equal(DeepChainFixture.Hops, chain.Depth);
        Assert.Equal(new TraceEnd(ChainEndKind.PrimarySource, DeepChainFixture.Node(DeepChainFixture.Hops), "s", null, DeepChainFixture.Node(DeepChainFixture.Hops)), chain.End);
        Assert.Equal("r~n500000", chain.Hops[499_999].To);
    }

    [Fact]
    public void Trace_MillionHopChainWithMaxDepth_CutsAtTheLimit()
    {
        var result = deep.Graph.Trace("c", new TraceOptions { MaxDepth = 1_000 });

        var chain = Assert.Single(result.Chains);
        Assert.Equal(new TraceEnd(ChainEndKind.DeadEnd, "r~n1000", "s", DeadEndReason.DepthLimit), chain.End);
        Assert.Equal(1_000, chain.Depth);
    }

    [Fact]
    public void CircularReporting_MillionReportCycle_FindsOneCycle()
    {
        var result = deep.Graph.CircularReporting();

        var cycle = Assert.Single(result.Overall);
        Assert.Equal(DeepChainFixture.Hops + 1, cycle.Reports.Length);
        Assert.Equal(DeepChainFixture.Hops + 1, cycle.Citations.Length);
        Assert.Empty(result.ByClaim);
    }

    [Fact]
    public void DownstreamAndUpstream_MillionHopChain_ReachEveryReport()
    {
        var down = deep.Graph.Downstream(DeepChainFixture.Node(DeepChainFixture.Hops), "c");
        var up = deep.Graph.Upstream("r");

        Assert.Equal(DeepChainFixture.Hops, down.Reports.Length);
        Assert.Equal(("r", "r~n999999"), (down.Reports[0], down.Reports[^1]));
        Assert.Equal(DeepChainFixture.Hops + 1, up.Reports.Length);
        Assert.Equal<string>(["s"], up.Sources);
    }

    [Fact]
    public void PathsBetween_MillionHopChain_FindsTheOnePath()
    {
        var result = deep.Graph.PathsBetween("r", DeepChainFixture.Node(DeepChainFixture.Hops));

        var path = Assert.Single(result.Paths);
        Assert.Equal(DeepChainFixture.Hops, path.Steps.Length);
        Assert.Equal((0L, true), (result.OmittedPaths, result.OmittedPathsIsExact));
    }
}
