namespace Provenance.Tests.Tracing;

/// <summary>The pair cap of <see cref="CitationGraphQueries.RelayDrift"/> and the order of pairs with equal change; mutation testing found both unpinned.</summary>
public sealed class RelayDriftMutationTests
{
    /// <summary>One source "s", four reports with four different wordings: six pairs, each a one-word change (Changed 2).</summary>
    private static CitationGraph FourWordings() => new TestGraph()
        .Report("r1", "s").Assert("r1", AssertionMode.FirstHand, wording: "alpha fire")
        .Report("r2", "s").Assert("r2", AssertionMode.FirstHand, wording: "beta fire")
        .Report("r3", "s").Assert("r3", AssertionMode.FirstHand, wording: "gamma fire")
        .Report("r4", "s").Assert("r4", AssertionMode.FirstHand, wording: "delta fire")
        .Build();

    [Fact]
    public void EqualChanges_AreOrderedByFirstThenSecondReport()
    {
        var pairs = FourWordings().RelayDrift("c").Pairs;
        Assert.Equal(["r1 r2", "r1 r3", "r1 r4", "r2 r3", "r2 r4", "r3 r4"], pairs.Select(p => p.First + " " + p.Second));
        Assert.All(pairs, p => Assert.Equal(2, p.Changed));
    }

    [Theory]
    [InlineData(0, new string[0], 6)]
    [InlineData(1, new[] { "r1 r2" }, 5)]
    [InlineData(2, new[] { "r1 r2", "r1 r3" }, 4)]
    [InlineData(4, new[] { "r1 r2", "r1 r3", "r1 r4", "r2 r3" }, 2)]
    [InlineData(6, new[] { "r1 r2", "r1 r3", "r1 r4", "r2 r3", "r2 r4", "r3 r4" }, 0)]
    [InlineData(7, new[] { "r1 r2", "r1 r3", "r1 r4", "r2 r3", "r2 r4", "r3 r4" }, 0)]
    public void Cap_KeepsExactlyThatManyPairs_AndCountsTheRest(int maxPairs, string[] kept, long omitted)
    {
        var result = FourWordings().RelayDrift("c", maxPairs);
        Assert.Equal(kept, result.Pairs.Select(p => p.First + " " + p.Second));
        Assert.Equal(omitted, result.OmittedPairs);
    }

    [Theory]
    [InlineData("fire", "open fire", "fire")]
    [InlineData("open fire", "fire", "fire")]
    public void Cap_InsideAWordingGroup_StopsBetweenItsReports(string first, string second, string third)
    {
        // Two of the three reports share a wording, so (r1, r2) and the next pair come from the same two groups: with r1
        // and r3 alike the cap is met between the first group's reports, with r2 and r3 alike between the second's. A cap
        // of one keeps (r1, r2) only.
        var graph = new TestGraph()
            .Report("r1", "s").Assert("r1", AssertionMode.FirstHand, wording: first)
            .Report("r2", "s").Assert("r2", AssertionMode.FirstHand, wording: second)
            .Report("r3", "s").Assert("r3", AssertionMode.FirstHand, wording: third)
            .Build();

        var result = graph.RelayDrift("c", 1);
        Assert.Equal(["r1 r2"], result.Pairs.Select(p => p.First + " " + p.Second));
        Assert.Equal(1, result.OmittedPairs);
    }

    [Fact]
    public void Reports_OfOneSource_ArePairedInReportOrder_WhateverTheOrderTheirAssertionsWereAdded()
    {
        var graph = new TestGraph()
            .Report("r1", "s").Report("r2", "s").Report("r3", "s")
            .Assert("r3", AssertionMode.FirstHand, wording: "gamma fire")
            .Assert("r1", AssertionMode.FirstHand, wording: "alpha fire")
            .Assert("r2", AssertionMode.FirstHand, wording: "beta fire")
            .Build();

        // Under a cap the pairs kept are the first in report order: (r1, r2) and (r1, r3), not the two with r3 added first.
        Assert.Equal(["r1 r2", "r1 r3"], graph.RelayDrift("c", 2).Pairs.Select(p => p.First + " " + p.Second));
    }
}
