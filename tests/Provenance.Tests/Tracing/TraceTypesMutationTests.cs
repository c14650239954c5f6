using System.Collections.Immutable;

namespace Provenance.Tests.Tracing;

/// <summary>
/// Pins the hop ordering of <see cref="TraceChain.WeakestHop"/> and the value equality of the origin records, which the
/// trace tests exercised only through a few hops and never through unequal records (mutation testing found both weak).
/// </summary>
public sealed class TraceTypesMutationTests
{
    // The orders the WeakestHop documentation states, strongest first; the oracle compares positions in these lists.
    private static readonly Hedge[] HedgesStrongestFirst = [Hedge.None, Hedge.Reportedly, Hedge.Unconfirmed, Hedge.Alleged, Hedge.Purported];

    private static readonly CitationKind[] KindsStrongestFirst =
        [CitationKind.DirectQuote, CitationKind.Confirms, CitationKind.Paraphrase, CitationKind.Citing, CitationKind.AccordingTo, CitationKind.Inferred];

    private static IEnumerable<Citation> EveryCitationShape() =>
        from h in HedgesStrongestFirst
        from k in KindsStrongestFirst
        from evidence in new[] { "ev", null, "" }
        select new Citation("a", "b", "c", k, h, evidence);

    /// <summary>The documented order as a tuple: hedge first, then kind, then missing evidence; larger is weaker.</summary>
    private static (int Hedge, int Kind, int NoEvidence) DocumentedRank(Citation c) =>
        (Array.IndexOf(HedgesStrongestFirst, c.Hedge), Array.IndexOf(KindsStrongestFirst, c.Kind), string.IsNullOrEmpty(c.Evidence) ? 1 : 0);

    [Fact]
    public void Weakness_OrdersEveryPairOfHopShapesAsDocumented()
    {
        var shapes = EveryCitationShape().ToList();
        Assert.Equal(5 * 6 * 3, shapes.Count);
        foreach (var a in shapes)
        {
            foreach (var b in shapes)
            {
                var expected = Math.Sign(DocumentedRank(a).CompareTo(DocumentedRank(b)));
                var actual = Math.Sign(TraceChain.Weakness(a).CompareTo(TraceChain.Weakness(b)));
                Assert.True(expected == actual, $"{a} vs {b}: expected {expected}, got {actual}");
            }
        }
    }

    [Fact]
    public void Weakness_StrongestHopIsZeroAndEachStepIsDistinct()
    {
        Assert.Equal(0, TraceChain.Weakness(new Citation("a", "b", "c", CitationKind.DirectQuote, Hedge.None, "ev")));
        Assert.Equal(1, TraceChain.Weakness(new Citation("a", "b", "c", CitationKind.DirectQuote, Hedge.None, null)));
        Assert.Equal(5 * 6 * 2, EveryCitationShape().Select(TraceChain.Weakness).Distinct().Count()); // "" and null evidence rank alike
    }

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(2, 1, 0)]
    [InlineData(1, 0, 2)]
    public void WeakestHop_IsTheWeakestAndTheFirstOfEquals(int first, int second, int third)
    {
        // Three hops of a chain a -> b -> c -> d with the given weakness ranks (0 strongest); ties go to the earlier hop.
        (CitationKind Kind, Hedge Hedge)[] shapes = [(CitationKind.DirectQuote, Hedge.None), (CitationKind.Citing, Hedge.None), (CitationKind.DirectQuote, Hedge.Alleged)];
        var ranks = new[] { first, second, third };
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("c", "sc").Report("d", "sd")
            .Cite("a", "b", kind: shapes[first].Kind, hedge: shapes[first].Hedge)
            .Cite("b", "c", kind: shapes[second].Kind, hedge: shapes[second].Hedge)
            .Cite("c", "d", kind: shapes[third].Kind, hedge: shapes[third].Hedge)
            .Assert("d", AssertionMode.FirstHand)
            .Build();

        var chain = graph.Trace("c").Chains.First(c => c.Report == "a");
        var expected = Array.IndexOf(ranks, ranks.Max());
        Assert.Equal(new[] { "a", "b", "c" }[expected], chain.WeakestHop!.From);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void WeakestHop_OfOtherwiseEqualHops_IsTheOneWithoutEvidence(string? missing)
    {
        // The weakest hop is found from the graph's columns without making each hop's record: an empty evidence text
        // must count as missing there exactly as it does in Weakness(Citation).
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("c", "sc").Report("d", "sd")
            .Cite("a", "b").Cite("b", "c", evidence: missing).Cite("c", "d")
            .Assert("d", AssertionMode.FirstHand)
            .Build();

        var chain = graph.Trace("c").Chains.Single(c => c.Report == "a");
        Assert.Equal("b", chain.WeakestHop!.From);
        Assert.Equal(missing, chain.WeakestHop.Evidence);
    }

    [Fact]
    public void WeakestHop_OfEqualHops_IsTheFirst()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("c", "sc")
            .Cite("a", "b").Cite("b", "c")
            .Assert("c", AssertionMode.FirstHand)
            .Build();

        var chain = graph.Trace("c").Chains.First(c => c.Report == "a");
        Assert.Equal("a", chain.WeakestHop!.From);
        Assert.Equal(2, chain.Depth);
    }

    [Fact]
    public void TraceHop_ToString_NamesKindAndHedgeOnlyWhenHedged()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("c", "sc")
            .Cite("a", "b", kind: CitationKind.AccordingTo, hedge: Hedge.Reportedly).Cite("b", "c", kind: CitationKind.DirectQuote)
            .Assert("c", AssertionMode.FirstHand)
            .Build();

        var hops = graph.Trace("c").Chains.First(c => c.Report == "a").Hops;
        Assert.Equal(["a -> b (according-to, reportedly)", "b -> c (direct-quote)"], hops.Select(h => h.ToString()));
    }

    [Fact]
    public void OriginGroup_EqualsByAffiliationAndSourceSequence()
    {
        var group = new OriginGroup("gov", ["mod", "mfa"]);
        Assert.True(group.Equals(new OriginGroup("gov", ImmutableArray.Create("mod", "mfa"))));
        Assert.Equal(group.GetHashCode(), new OriginGroup("gov", ImmutableArray.Create("mod", "mfa")).GetHashCode());
        Assert.False(group.Equals(new OriginGroup("other", ["mod", "mfa"])));
        Assert.False(group.Equals(new OriginGroup(null, ["mod", "mfa"])));
        Assert.False(group.Equals(new OriginGroup("gov", ["mfa", "mod"])));
        Assert.False(group.Equals(new OriginGroup("gov", ["mod"])));
        Assert.False(group.Equals(null));
    }

    [Fact]
    public void IndependentOriginsResult_EqualsByClaimAndGroupSequence()
    {
        var result = new IndependentOriginsResult("c", [new OriginGroup("gov", ["mod"]), new OriginGroup(null, ["tass"])]);
        var same = new IndependentOriginsResult("c", [new OriginGroup("gov", ["mod"]), new OriginGroup(null, ["tass"])]);
        Assert.True(result.Equals(same));
        Assert.Equal(result.GetHashCode(), same.GetHashCode());
        Assert.Equal(2, result.Count);
        Assert.False(result.Equals(new IndependentOriginsResult("d", same.Groups)));
        Assert.False(result.Equals(new IndependentOriginsResult("c", [.. same.Groups.Reverse()])));
        Assert.False(result.Equals(new IndependentOriginsResult("c", [new OriginGroup("gov", ["mod"])])));
        Assert.False(result.Equals(null));
    }
}
