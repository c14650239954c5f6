namespace Provenance.Tests.Tracing;

/// <summary>
/// The argument checks every query documents (null graph or id, limits out of range, unknown ids) and the claim and
/// source filters at the first position (index 0), where an off-by-one in "no filter" (-1) goes unseen; mutation testing
/// found none of them pinned.
/// </summary>
public sealed class QueryArgumentAndFilterTests
{
    private static readonly CitationGraph Small = new TestGraph()
        .Report("a", "sa").Report("b", "sb")
        .Cite("a", "b")
        .Assert("b", AssertionMode.FirstHand)
        .Build();

    public static TheoryData<string, Action> NullGraphCalls => new()
    {
        { "CircularReporting", () => Null().CircularReporting() },
        { "DeadEnds", () => Null().DeadEnds() },
        { "Downstream", () => Null().Downstream("a") },
        { "Drift", () => Null().Drift("c") },
        { "IndependentOrigins", () => Null().IndependentOrigins("c") },
        { "PathsBetween", () => Null().PathsBetween("a", "b") },
        { "PrimarySources", () => Null().PrimarySources("c") },
        { "RelayDrift", () => Null().RelayDrift("c") },
        { "SingleOriginClaims", () => Null().SingleOriginClaims() },
        { "SourceSummary", () => Null().SourceSummary() },
        { "TimelineErrors", () => Null().TimelineErrors() },
        { "Trace", () => Null().Trace("c") },
        { "TryTrace", () => Null().TryTrace("c", out _) },
        { "UnattributedAssertions", () => Null().UnattributedAssertions() },
        { "Upstream", () => Null().Upstream("a") },
        { "HiddenRelays", () => Null().HiddenRelays() },
    };

    public static TheoryData<string, string, Action> NullIdCalls => new()
    {
        { "Downstream", "id", () => Small.Downstream(null!) },
        { "Drift", "claimId", () => Small.Drift(null!) },
        { "IndependentOrigins", "claimId", () => Small.IndependentOrigins(null!) },
        { "PathsBetween from", "id", () => Small.PathsBetween(null!, "b") },
        { "PathsBetween to", "id", () => Small.PathsBetween("a", null!) },
        { "PrimarySources", "claimId", () => Small.PrimarySources(null!) },
        { "RelayDrift", "claimId", () => Small.RelayDrift(null!) },
        { "Trace", "claimId", () => Small.Trace(null!) },
        { "TryTrace", "claimId", () => Small.TryTrace(null!, out _) },
        { "Upstream", "id", () => Small.Upstream(null!) },
    };

    public static TheoryData<string, Action> UnknownIdCalls => new()
    {
        { "DeadEnds claim", () => Small.DeadEnds(claimId: "nope") },
        { "DeadEnds source", () => Small.DeadEnds(sourceId: "nope") },
        { "UnattributedAssertions claim", () => Small.UnattributedAssertions(claimId: "nope") },
        { "UnattributedAssertions source", () => Small.UnattributedAssertions(sourceId: "nope") },
        { "Downstream", () => Small.Downstream("nope") },
        { "Downstream claim", () => Small.Downstream("a", "nope") },
        { "Upstream claim", () => Small.Upstream("a", "nope") },
        { "Drift", () => Small.Drift("nope") },
        { "Trace", () => Small.Trace("nope") },
        { "PathsBetween claim", () => Small.PathsBetween("a", "b", claimId: "nope") },
    };

    [Theory]
    [MemberData(nameof(NullGraphCalls))]
    public void NullGraph_ThrowsArgumentNullExceptionNamingGraph(string query, Action call)
    {
        var e = Assert.Throws<ArgumentNullException>(call);
        Assert.True(e.ParamName == "graph", $"{query}: parameter {e.ParamName}");
    }

    [Theory]
    [MemberData(nameof(NullIdCalls))]
    public void NullId_ThrowsArgumentNullException(string query, string parameter, Action call)
    {
        var e = Assert.Throws<ArgumentNullException>(call);
        Assert.True(e.ParamName?.EndsWith(parameter, StringComparison.OrdinalIgnoreCase) == true, $"{query}: parameter {e.ParamName}");
    }

    [Theory]
    [MemberData(nameof(UnknownIdCalls))]
    public void UnknownId_ThrowsKeyNotFoundNamingTheId(string query, Action call)
    {
        var e = Assert.Throws<KeyNotFoundException>(call);
        Assert.True(e.Message.Contains("'nope'", StringComparison.Ordinal), $"{query}: {e.Message}");
    }

    [Fact]
    public void TryTrace_HonoursItsOptions_AndChecksThem()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("c", "sc")
            .Cite("a", "c").Cite("b", "c")
            .Assert("c", AssertionMode.FirstHand)
            .Build();

        Assert.True(graph.TryTrace("c", out var all));
        Assert.Equal(3, all!.Chains.Length);
        Assert.True(graph.TryTrace("c", out var capped, new TraceOptions { MaxChains = 1 }));
        Assert.Single(capped!.Chains);
        Assert.Equal(2, capped.OmittedChains);
        Assert.False(graph.TryTrace("nope", out var none));
        Assert.Null(none);
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.TryTrace("c", out _, new TraceOptions { MaxChains = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.TryTrace("nope", out _, new TraceOptions { MaxDepth = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Trace("c", new TraceOptions { MaxTotalHops = 0 }));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void HiddenRelays_RejectsASimilarityOutsideZeroToOne(double similarity)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Small.HiddenRelays(similarity));
        Assert.Equal("minSimilarity", e.ParamName);
        Assert.Contains("between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void HiddenRelays_AcceptsTheEndsOfZeroToOne(double similarity) =>
        Assert.Empty(Small.HiddenRelays(similarity).Relays);

    [Fact]
    public void RelayDrift_RejectsANegativeCap() =>
        Assert.Equal("maxPairs", Assert.Throws<ArgumentOutOfRangeException>(() => Small.RelayDrift("c", -1)).ParamName);

    /// <summary>
    /// Claim c0 and source s0 come first in graph order. Dead ends: c0 at r0 (s0) and r1 (s1); c1 at r0 (s0) and r2 (s2).
    /// Claim c2 reaches a dead end (implicit report "early", declared first) only through a citation, after its start
    /// "late" (unattributed), so the walk finds them out of graph order.
    /// </summary>
    private static CitationGraph Filters() => new TestGraph()
        .Source("s0").Source("s1").Source("s2").Source("s3")
        .Claim("c0").Claim("c1").Claim("c2")
        .Implicit("early", "s3", "citer")
        .Report("r0", "s0").Report("r1", "s1").Report("r2", "s2").Report("late", "s1").Report("citer", "s2")
        .Assert("r0", AssertionMode.Unattributed, "c0")
        .Assert("r1", AssertionMode.Unattributed, "c0")
        .Assert("r0", AssertionMode.Unattributed, "c1")
        .Assert("r2", AssertionMode.Unattributed, "c1")
        .Assert("late", AssertionMode.Unattributed, "c2")
        .Cite("citer", "early", "c2")
        .Build();

    [Fact]
    public void DeadEnds_FilteredByTheFirstClaim_AreThatClaimsOnly()
    {
        var graph = Filters();
        Assert.Equal(["c0 r0", "c0 r1"], graph.DeadEnds(claimId: "c0").Select(d => d.Claim + " " + d.Report));
        Assert.Equal(["c1 r0", "c1 r2"], graph.DeadEnds(claimId: "c1").Select(d => d.Claim + " " + d.Report));
    }

    [Fact]
    public void DeadEnds_FilteredByTheFirstSource_AreThatSourcesOnly()
    {
        var graph = Filters();
        Assert.Equal(["c0 r0", "c1 r0"], graph.DeadEnds(sourceId: "s0").Select(d => d.Claim + " " + d.Report));
        Assert.Equal(["c1 r0"], graph.DeadEnds(claimId: "c1", sourceId: "s0").Select(d => d.Claim + " " + d.Report));
    }

    [Fact]
    public void DeadEnds_OfOneClaim_AreInGraphOrder_NotInTheOrderTheWalkFindsThem()
    {
        var graph = Filters();
        var ends = graph.DeadEnds(claimId: "c2");
        Assert.Equal(["early", "late"], ends.Select(d => d.Report));
        Assert.Equal([DeadEndReason.NoFirstHandStatement, DeadEndReason.UnattributedAssertion], ends.Select(d => d.Reason));
        Assert.Equal(["c0 r0", "c0 r1", "c1 r0", "c1 r2", "c2 early", "c2 late"], graph.DeadEnds().Select(d => d.Claim + " " + d.Report));
    }

    [Fact]
    public void UnattributedAssertions_FilteredByTheFirstClaimOrSource_AreThoseOnly()
    {
        var graph = Filters();
        Assert.Equal(["r0 c0", "r1 c0"], graph.UnattributedAssertions(claimId: "c0").Select(a => a.Report + " " + a.Claim));
        Assert.Equal(["r0 c0", "r0 c1"], graph.UnattributedAssertions(sourceId: "s0").Select(a => a.Report + " " + a.Claim));
        Assert.Equal(["r0 c1"], graph.UnattributedAssertions(claimId: "c1", sourceId: "s0").Select(a => a.Report + " " + a.Claim));
        Assert.Equal(5, graph.UnattributedAssertions().Length);
    }

    private static CitationGraph Null() => null!;
}
