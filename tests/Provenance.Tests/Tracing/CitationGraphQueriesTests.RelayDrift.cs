namespace Provenance.Tests.Tracing;

public partial class CitationGraphQueriesTests
{
    [Fact]
    public void RelayDrift_TwoRelaysOnDifferentChains_ReportsWordsAddedAndRemoved()
    {
        // Two articles quote the ministry's statement on separate chains, and the graph also holds the statement itself.
        var graph = new TestGraph()
            .Report("a", "sa").Implicit("a~mfa", "mfa", "a").Assert("a~mfa", AssertionMode.Unknown, wording: "the duty combat crew decided to open fire.")
            .Cite("a", "a~mfa")
            .Report("b", "sb").Implicit("b~mfa", "mfa", "b").Assert("b~mfa", AssertionMode.Unknown, wording: "the guard combat team decided to open fire to kill.")
            .Cite("b", "b~mfa")
            .Report("m", "mfa").Assert("m", AssertionMode.FirstHand, wording: "The duty combat crew decided to open fire")
            .Build();

        var drift = graph.RelayDrift("c");

        Assert.Empty(graph.Drift("c"));
        Assert.Equal(
            new RelayDriftResult(
                "c",
                [
                    new RelayWordingDrift("c", "mfa", "a~mfa", "the duty combat crew decided to open fire.", "b~mfa", "the guard combat team decided to open fire to kill.", ["guard", "team", "to", "kill"], ["duty", "crew"]),
                    new RelayWordingDrift("c", "mfa", "b~mfa", "the guard combat team decided to open fire to kill.", "m", "The duty combat crew decided to open fire", ["duty", "crew"], ["guard", "team", "to", "kill"]),
                    new RelayWordingDrift("c", "mfa", "a~mfa", "the duty combat crew decided to open fire.", "m", "The duty combat crew decided to open fire", [], []),
                ],
                0),
            drift);
        Assert.Equal([6, 6, 0], drift.Pairs.Select(p => p.Changed));
    }

    [Fact]
    public void RelayDrift_SameWordingOtherSourceOrNoWording_IsNotPaired()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Implicit("a~mfa", "mfa", "a").Assert("a~mfa", AssertionMode.Unknown, wording: "Decided to open fire.").Cite("a", "a~mfa")
            .Report("b", "sb").Implicit("b~mfa", "mfa", "b").Assert("b~mfa", AssertionMode.Unknown, wording: "Decided to open fire.").Cite("b", "b~mfa")
            .Report("d", "sd").Implicit("d~mfa", "mfa", "d").Assert("d~mfa", AssertionMode.Unknown).Cite("d", "d~mfa")
            .Report("e", "se").Implicit("e~mod", "mod", "e").Assert("e~mod", AssertionMode.Unknown, wording: "Opened fire to kill.").Cite("e", "e~mod")
            .Assert("a", AssertionMode.Attributed, wording: "They opened fire.")
            .Build();

        Assert.Equal(new RelayDriftResult("c", [], 0), graph.RelayDrift("c"));
    }

    [Fact]
    public void RelayDrift_LaterReportInEarlierWordingGroup_PairIsOrientedByGraphOrder()
    {
        var graph = new TestGraph()
            .Report("r1", "s").Assert("r1", AssertionMode.FirstHand, wording: "fire")
            .Report("r2", "s").Assert("r2", AssertionMode.FirstHand, wording: "open fire")
            .Report("r3", "s").Assert("r3", AssertionMode.FirstHand, wording: "fire")
            .Build();

        var pairs = graph.RelayDrift("c").Pairs;

        Assert.Equal([("r1", "r2", "open", ""), ("r2", "r3", "", "open")], pairs.Select(p => (p.First, p.Second, string.Join(' ', p.Added), string.Join(' ', p.Removed))));
    }

    [Fact]
    public void RelayDrift_Cap_ComparesPairsInWordingOrderAndCountsTheRestExactly()
    {
        // Groups by wording: {r1, r2} "a", {r3} "a b", {r4} "c". Pairs in comparison order: r1-r3, r2-r3, r1-r4, r2-r4, r3-r4.
        var graph = new TestGraph()
            .Report("r1", "s").Assert("r1", AssertionMode.FirstHand, wording: "a")
            .Report("r2", "s").Assert("r2", AssertionMode.FirstHand, wording: "a")
            .Report("r3", "s").Assert("r3", AssertionMode.FirstHand, wording: "a b")
            .Report("r4", "s").Assert("r4", AssertionMode.FirstHand, wording: "c")
            .Build();

        var capped = graph.RelayDrift("c", maxPairs: 3);
        var all = graph.RelayDrift("c");
        var none = graph.RelayDrift("c", maxPairs: 0);

        Assert.Equal([("r1", "r4", 2), ("r1", "r3", 1), ("r2", "r3", 1)], capped.Pairs.Select(p => (p.First, p.Second, p.Changed)));
        Assert.Equal(2, capped.OmittedPairs);
        Assert.Equal([("r3", "r4", 3), ("r1", "r4", 2), ("r2", "r4", 2), ("r1", "r3", 1), ("r2", "r3", 1)], all.Pairs.Select(p => (p.First, p.Second, p.Changed)));
        Assert.Equal(0, all.OmittedPairs);
        Assert.Equal(new RelayDriftResult("c", [], 5), none);
    }

    [Fact]
    public void RelayDrift_ManyIdenticalRelays_CountsOnlyPairsWithDifferentWordings()
    {
        var builder = new TestGraph();
        for (var i = 0; i < 3000; i++)
        {
            builder.Report("r" + i, "s").Assert("r" + i, AssertionMode.FirstHand, wording: i % 1000 == 999 ? "other words" : "same words");
        }

        var drift = builder.Build().RelayDrift("c", maxPairs: 10);

        // 3 reports say "other words" and 2,997 "same words": 3 * 2,997 pairs differ; the 4,498,500 same-wording pairs are never visited.
        Assert.Equal(10, drift.Pairs.Length);
        Assert.Equal((3 * 2997) - 10, drift.OmittedPairs);
        Assert.All(drift.Pairs, p => Assert.Equal(2, p.Changed));
    }

    [Fact]
    public void RelayDrift_NegativeCap_Throws()
    {
        var graph = new TestGraph().Report("m", "mod").Assert("m", AssertionMode.FirstHand).Build();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => graph.RelayDrift("c", -1));

        Assert.Equal("maxPairs", error.ParamName);
    }

    [Fact]
    public void RelayDrift_UnknownClaim_ThrowsKeyNotFound()
    {
        var graph = new TestGraph().Report("m", "mod").Assert("m", AssertionMode.FirstHand).Build();

        var error = Assert.Throws<KeyNotFoundException>(() => graph.RelayDrift("nope"));

        Assert.Equal("No claim has the id 'nope'.", error.Message);
    }

    [Fact]
    public void RelayDrift_RandomGraphs_MatchesBruteForcePairs()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var graph = RandomGraphs.Create(seed, maxReports: 12);
            foreach (var claim in RandomGraphs.Claims)
            {
                // Oracle: every pair of reports of one source asserting the claim with different wordings, compared directly.
                var worded = graph.AssertionsOfClaim(claim).Where(a => a.Wording is not null).ToList();
                var expected = new List<string>();
                foreach (var x in worded)
                {
                    foreach (var y in worded)
                    {
                        var rx = graph.Reports.IndexOf(graph.GetReport(x.Report));
                        var ry = graph.Reports.IndexOf(graph.GetReport(y.Report));
                        if (rx < ry && graph.Reports[rx].Source == graph.Reports[ry].Source && x.Wording != y.Wording)
                        {
                            expected.Add($"{x.Report}|{y.Report}|{string.Join(' ', BagMinus(y.Wording!, x.Wording!))}|{string.Join(' ', BagMinus(x.Wording!, y.Wording!))}");
                        }
                    }
                }

                var all = graph.RelayDrift(claim, int.MaxValue);
                var actual = all.Pairs.Select(p => $"{p.First}|{p.Second}|{string.Join(' ', p.Added)}|{string.Join(' ', p.Removed)}").ToList();
                Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)), $"seed {seed}, claim {claim}: expected\n{string.Join("\n", expected)}\nactual\n{string.Join("\n", actual)}");
                Assert.True(all.Pairs.Select(p => p.Changed).SequenceEqual(all.Pairs.Select(p => p.Changed).OrderDescending()), $"seed {seed}, claim {claim}: not ranked by change");
                Assert.True(all.OmittedPairs == 0, $"seed {seed}, claim {claim}: {all.OmittedPairs} omitted without a cap");

                var capped = graph.RelayDrift(claim, 2);
                Assert.True(capped.Pairs.Length == Math.Min(2, expected.Count) && capped.Pairs.Length + capped.OmittedPairs == expected.Count, $"seed {seed}, claim {claim}: {capped.Pairs.Length} + {capped.OmittedPairs} != {expected.Count}");
            }
        }
    }

    /// <summary>The lower-cased words of <paramref name="a"/> left after cancelling one equal word of <paramref name="b"/> each, in order.</summary>
    private static List<string> BagMinus(string a, string b)
    {
        static List<string> Split(string s) => [.. System.Text.RegularExpressions.Regex.Split(s.ToLowerInvariant(), @"[^\p{L}\p{Nd}\p{Mn}\p{Mc}]+").Where(w => w.Length > 0)];
        var rest = Split(b);
        var result = new List<string>();
        foreach (var word in Split(a))
        {
            if (!rest.Remove(word))
            {
                result.Add(word);
            }
        }

        return result;
    }
}
