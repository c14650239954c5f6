namespace Provenance.Tests.Tracing;

/// <summary>
/// Paths restricted to a claim, the counting budget of capped path searches, the saturating count, and which first-hand
/// report stands for a source cited without more: each left untested before mutation testing showed it.
/// </summary>
public sealed class PathsAndWalkMutationTests
{
    /// <summary>a -> b -> m for claim c0 (the first claim); a -> d -> m for claim c1; a second b -> m citation for c1.</summary>
    private static CitationGraph TwoClaims() => new TestGraph()
        .Claim("c0").Claim("c1")
        .Report("a", "sa").Report("b", "sb").Report("d", "sd").Report("m", "mod")
        .Cite("a", "b", "c0").Cite("b", "m", "c0").Cite("b", "m", "c1", kind: CitationKind.DirectQuote)
        .Cite("a", "d", "c1").Cite("d", "m", "c1")
        .Assert("m", AssertionMode.FirstHand, "c0").Assert("m", AssertionMode.FirstHand, "c1")
        .Build();

    [Fact]
    public void PathsBetween_ForOneClaim_FollowsThatClaimsCitationsOnly()
    {
        var graph = TwoClaims();

        Assert.Equal(["a -> b -> m", "a -> d -> m"], graph.PathsBetween("a", "m").Paths.Select(p => p.ToString()));

        var first = graph.PathsBetween("a", "m", claimId: "c0");
        Assert.Equal(["a -> b -> m"], first.Paths.Select(p => p.ToString()));
        Assert.All(first.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Citations), c => Assert.Equal("c0", c.Claim));
        Assert.Single(first.Paths[0].Steps[1].Citations);

        var second = graph.PathsBetween("a", "m", claimId: "c1");
        Assert.Equal(["a -> d -> m"], second.Paths.Select(p => p.ToString()));
        Assert.All(second.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Citations), c => Assert.Equal("c1", c.Claim));
    }

    [Fact]
    public void PathsBetween_CappedOnACycle_CountsByWalkingWithinTheBudget()
    {
        // b and x cite each other, so the count cannot be done by arithmetic: it walks on, and a budget of one step
        // leaves a lower bound, marked as such.
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("x", "sx").Report("m", "mod")
            .Cite("a", "b").Cite("a", "x").Cite("b", "x").Cite("x", "b").Cite("b", "m").Cite("x", "m")
            .Assert("m", AssertionMode.FirstHand)
            .Build();

        var all = graph.PathsBetween("a", "m");
        Assert.Equal(["a -> b -> m", "a -> b -> x -> m", "a -> x -> b -> m", "a -> x -> m"], all.Paths.Select(p => p.ToString()).Order(StringComparer.Ordinal));

        var exact = CitationGraphQueries.PathsBetweenCore(graph, "a", "m", 1, null, long.MaxValue);
        Assert.Single(exact.Paths);
        Assert.Equal((3L, true), (exact.OmittedPaths, exact.OmittedPathsIsExact));

        var bounded = CitationGraphQueries.PathsBetweenCore(graph, "a", "m", 1, null, 1);
        Assert.Equal(exact.Paths.Select(p => p.ToString()), bounded.Paths.Select(p => p.ToString()));
        Assert.False(bounded.OmittedPathsIsExact);
        Assert.InRange(bounded.OmittedPaths, 0, 2);
    }

    [Theory]
    [InlineData(1L, 2L, 3L)]
    [InlineData(long.MaxValue - 1, 1L, long.MaxValue)]
    [InlineData(long.MaxValue, 1L, long.MaxValue)]
    [InlineData(long.MaxValue - 5, 10L, long.MaxValue)]
    [InlineData(0L, long.MaxValue, long.MaxValue)]
    public void SaturatingAdd_AddsAndStopsAtTheLargestValue(long a, long b, long sum) =>
        Assert.Equal(sum, GraphWalk.SaturatingAdd(a, b));

    [Fact]
    public void SourceCitedWithoutMore_EndsAtItsFirstFirstHandReportInGraphOrder()
    {
        // mod states the claim first-hand in two reports; an outlet cites mod without naming either. The chain ends at a
        // primary source, and the first-hand report named is the first of mod's in graph order.
        var graph = new TestGraph()
            .Report("mod-1", "mod").Report("mod-2", "mod").Report("outlet", "news")
            .Assert("mod-2", AssertionMode.FirstHand).Assert("mod-1", AssertionMode.FirstHand)
            .Cite("outlet", "outlet~mod").Implicit("outlet~mod", "mod", "outlet").Assert("outlet~mod", AssertionMode.Unknown)
            .Build();

        var chain = graph.Trace("c").Chains.Single(c => c.Report == "outlet");
        Assert.Equal((ChainEndKind.PrimarySource, "outlet~mod", "mod-1"), (chain.End.Kind, chain.End.Report, chain.End.FirstHandReport));
    }
}
