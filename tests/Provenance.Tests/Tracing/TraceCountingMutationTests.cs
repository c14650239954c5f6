namespace Provenance.Tests.Tracing;

/// <summary>
/// How a capped trace counts the chains it leaves out: by arithmetic over an acyclic subgraph whose longest chain fits
/// <see cref="TraceOptions.MaxDepth"/> (exact whatever the counting budget), otherwise by walking on within the budget.
/// With a budget of one step the two ways give different answers, so each test shows which way was taken; mutation
/// testing found the choice (the longest chain against the depth limit) untested.
/// </summary>
public sealed class TraceCountingMutationTests
{
    /// <summary>s1 -> m, s2 -> m, m -> p1 and m -> p2 (all explicit; m is attributed, p1 and p2 first-hand): six chains, longest two hops.</summary>
    private static CitationGraph Diamond() => new TestGraph()
        .Report("s1", "a").Report("s2", "b").Report("m", "m").Report("p1", "p").Report("p2", "q")
        .Cite("s1", "m").Cite("s2", "m").Cite("m", "p1").Cite("m", "p2")
        .Assert("p1", AssertionMode.FirstHand).Assert("p2", AssertionMode.FirstHand)
        .Build();

    [Fact]
    public void Uncapped_GivesEveryChain()
    {
        var result = Diamond().Trace("c");
        Assert.Equal(
            ["m -> p1 [primary-source]", "m -> p2 [primary-source]", "p1 [primary-source]", "p2 [primary-source]",
             "s1 -> m -> p1 [primary-source]", "s1 -> m -> p2 [primary-source]", "s2 -> m -> p1 [primary-source]", "s2 -> m -> p2 [primary-source]"],
            result.Chains.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal((0L, true), (result.OmittedChains, result.OmittedChainsIsExact));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Capped_WhenTheLongestChainFitsTheDepth_CountsExactlyWithoutWalking(int maxDepth)
    {
        // The longest chain (2 hops) is within the depth limit, at it or below it: the count is arithmetic, exact even
        // though the walk may take a single step more.
        var result = Diamond().Trace("c", new TraceOptions { MaxChains = 1, MaxDepth = maxDepth, CountingSteps = 1 });
        Assert.Single(result.Chains);
        Assert.Equal((7L, true), (result.OmittedChains, result.OmittedChainsIsExact));
    }

    [Fact]
    public void Capped_WhenChainsAreCutAtTheDepth_CountsTheCutChainsByWalking()
    {
        // With one hop allowed, s1 and s2 each give one chain cut at m (not two): 2 + m's 2 + p1 + p2 = 6 chains. The
        // arithmetic would count the chains past the cut (8); only the walk counts what the trace would return.
        var graph = Diamond();
        var all = graph.Trace("c", new TraceOptions { MaxDepth = 1 });
        Assert.Equal(6, all.Chains.Length);
        Assert.Equal(2, all.Chains.Count(c => c.End.Reason == DeadEndReason.DepthLimit));

        var capped = graph.Trace("c", new TraceOptions { MaxChains = 1, MaxDepth = 1 });
        Assert.Single(capped.Chains);
        Assert.Equal((5L, true), (capped.OmittedChains, capped.OmittedChainsIsExact));

        var budget = graph.Trace("c", new TraceOptions { MaxChains = 1, MaxDepth = 1, CountingSteps = 1 });
        Assert.False(budget.OmittedChainsIsExact);
        Assert.InRange(budget.OmittedChains, 0, 4);
    }

    [Fact]
    public void Capped_ByTotalHops_CountsTheRestExactly()
    {
        // The first chain (s1 -> m -> p1) already passes one hop, so the cap is reached before any chain is kept.
        var result = Diamond().Trace("c", new TraceOptions { MaxTotalHops = 1, CountingSteps = 1 });
        Assert.Empty(result.Chains);
        Assert.Equal((8L, true), (result.OmittedChains, result.OmittedChainsIsExact));
    }
}
