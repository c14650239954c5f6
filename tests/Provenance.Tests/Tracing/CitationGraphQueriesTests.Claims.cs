namespace Provenance.Tests.Tracing;

public partial class CitationGraphQueriesTests
{
    [Fact]
    public void DeadEnds_MixedGraph_ListsEachDeadEndOncePerClaim()
    {
        var graph = new TestGraph()
            .Report("blog", "blogger").Assert("blog", AssertionMode.Unattributed)
            .Report("a", "sa").Cite("a", "blog")
            .Report("b", "sb").Cite("b", "blog")
            .Implicit("b~anon", "anon", "b").Cite("b", "b~anon")
            .Report("m", "mod").Assert("m", AssertionMode.FirstHand, claim: "c2")
            .Report("d", "sd").Implicit("d~mod", "mod", "d").Cite("d", "d~mod", claim: "c2")
            .Build();

        Assert.Equal<DeadEnd>(
            [
                new DeadEnd("c", "blog", "blogger", DeadEndReason.UnattributedAssertion),
                new DeadEnd("c", "b~anon", "anon", DeadEndReason.NoFirstHandStatement),
            ],
            graph.DeadEnds());
        Assert.Equal<DeadEnd>([new DeadEnd("c", "b~anon", "anon", DeadEndReason.NoFirstHandStatement)], graph.DeadEnds(sourceId: "anon"));
        Assert.Empty(graph.DeadEnds("c2"));
    }

    [Fact]
    public void DeadEnds_UnknownSource_ThrowsKeyNotFound()
    {
        var graph = new TestGraph().Report("m", "mod").Assert("m", AssertionMode.FirstHand).Build();

        var error = Assert.Throws<KeyNotFoundException>(() => graph.DeadEnds(sourceId: "nobody"));

        Assert.Equal("No source has the id 'nobody'.", error.Message);
    }

    [Fact]
    public void UnattributedAssertions_Filters_ByClaimAndSource()
    {
        var graph = new TestGraph()
            .Report("b1", "blogger").Assert("b1", AssertionMode.Unattributed).Assert("b1", AssertionMode.Unattributed, claim: "c2")
            .Report("x", "other").Assert("x", AssertionMode.Unattributed, claim: "c2")
            .Report("m", "mod").Assert("m", AssertionMode.FirstHand)
            .Build();

        Assert.Equal(["b1/c", "b1/c2", "x/c2"], graph.UnattributedAssertions().Select(a => a.Report + "/" + a.Claim));
        Assert.Equal(["b1/c2", "x/c2"], graph.UnattributedAssertions("c2").Select(a => a.Report + "/" + a.Claim));
        Assert.Equal(["x/c2"], graph.UnattributedAssertions("c2", "other").Select(a => a.Report + "/" + a.Claim));
    }

    [Fact]
    public void Drift_AddedAndRemovedWords_RankedByChange()
    {
        var graph = new TestGraph()
            .Report("m", "mod").Assert("m", AssertionMode.FirstHand, wording: "Decided to open fire.")
            .Report("a", "sa").Assert("a", AssertionMode.Attributed, wording: "decided to OPEN fire, to kill").Cite("a", "m")
            .Report("b", "sb").Assert("b", AssertionMode.Attributed, wording: "Opened fire").Cite("b", "m")
            .Report("d", "sd").Assert("d", AssertionMode.Attributed, wording: "fire to open: decided!").Cite("d", "m")
            .Report("e", "se").Cite("e", "m")
            .Build();

        var drift = graph.Drift("c");

        Assert.Equal(["b", "a", "d"], drift.Select(d => d.Citation.From));
        Assert.Equal(new WordingDrift(graph.Citations[1], "Opened fire", "Decided to open fire.", ["opened"], ["decided", "to", "open"]), drift[0]);
        Assert.Equal<string>(["to", "kill"], drift[1].Added);
        Assert.Empty(drift[1].Removed);
        Assert.Equal((2, 0), (drift[1].Changed, drift[2].Changed));
    }

    [Fact]
    public void TimelineErrors_CitationOfLaterReport_IsListedWithInheritedTime()
    {
        var day = new DateTimeOffset(2020, 11, 9, 12, 0, 0, TimeSpan.Zero);
        var graph = new TestGraph(allowTimelineErrors: true)
            .Report("early", "sa", day).Report("late", "sb", day.AddHours(5)).Report("undated", "sc")
            .Implicit("early~late-src", "sb", "early")
            .Cite("early", "late").Cite("early", "early~late-src").Cite("early~late-src", "late", claim: "c2")
            .Cite("late", "undated")
            .Assert("late", AssertionMode.Unattributed, claim: "c2").Assert("undated", AssertionMode.FirstHand)
            .Build();

        var errors = graph.TimelineErrors();

        Assert.Equal<TimelineError>(
            [
                new TimelineError(graph.Citations[0], day, day.AddHours(5)),
                new TimelineError(graph.Citations[2], day, day.AddHours(5)),
            ],
            errors);
    }

    [Fact]
    public void SourceSummary_Pairs_CountHedgedAndUnattributed()
    {
        var graph = new TestGraph()
            .Report("blog", "blogger").Assert("blog", AssertionMode.Unattributed)
            .Report("m", "mod").Assert("m", AssertionMode.FirstHand)
            .Report("z1", "zh").Cite("z1", "blog", hedge: Hedge.Alleged).Cite("z1", "m")
            .Report("z2", "zh").Cite("z2", "blog")
            .Implicit("z2~anon", "anon", "z2").Cite("z2", "z2~anon", hedge: Hedge.Unconfirmed)
            .Report("t", "tass").Cite("t", "m")
            .Build();

        var summary = graph.SourceSummary();

        Assert.Equal<SourcePairSummary>(
            [
                new SourcePairSummary("zh", "blogger", 2, 1, 2),
                new SourcePairSummary("zh", "mod", 1, 0, 0),
                new SourcePairSummary("zh", "anon", 1, 1, 1),
                new SourcePairSummary("tass", "mod", 1, 0, 0),
            ],
            summary.Pairs);
        Assert.Equal((0.5, 1.0), (summary.Pairs[0].HedgedShare, summary.Pairs[0].UnattributedShare));
        Assert.Equal<SourceRelaySummary>(
            [
                new SourceRelaySummary("mod", 2, 2, 0),
                new SourceRelaySummary("blogger", 2, 1, 1),
                new SourceRelaySummary("anon", 1, 1, 0),
                new SourceRelaySummary("zh", 0, 0, 0),
                new SourceRelaySummary("tass", 0, 0, 0),
            ],
            summary.Sources);
    }

    [Fact]
    public void SingleOriginClaims_ListsClaimsWithExactlyOneGroup()
    {
        var graph = new TestGraph()
            .Source("mod", "ru-state").Source("tass", "ru-state")
            .Report("m", "mod").Assert("m", AssertionMode.FirstHand, claim: "one")
            .Report("t", "tass").Assert("t", AssertionMode.FirstHand, claim: "one").Assert("t", AssertionMode.FirstHand, claim: "two")
            .Report("v", "locals").Assert("v", AssertionMode.FirstHand, claim: "two")
            .Report("b", "blogger").Assert("b", AssertionMode.Unattributed, claim: "none")
            .Build();

        var single = graph.SingleOriginClaims();

        Assert.Equal<IndependentOriginsResult>([new IndependentOriginsResult("one", [new OriginGroup("ru-state", ["mod", "tass"])])], single);
    }
}
