namespace Provenance.Tests.Tracing;

public partial class CitationGraphQueriesTests
{
    private static string[] Chains(TraceResult result) => [.. result.Chains.Select(c => c.ToString())];

    [Fact]
    public void Trace_FirstHandStart_IsZeroHopPrimarySource()
    {
        var graph = new TestGraph().Report("mod-stmt", "mod").Assert("mod-stmt", AssertionMode.FirstHand).Build();

        var result = graph.Trace("c");

        var chain = Assert.Single(result.Chains);
        Assert.Equal(("mod-stmt", "mod", 0), (chain.Report, chain.Source, chain.Depth));
        Assert.Empty(chain.Hops);
        Assert.Null(chain.WeakestHop);
        Assert.Equal(new TraceEnd(ChainEndKind.PrimarySource, "mod-stmt", "mod", null, "mod-stmt"), chain.End);
        Assert.Equal<string>(["mod"], result.PrimarySources);
        Assert.Equal(1, result.IndependentOrigins.Count);
        Assert.Equal((0L, true), (result.OmittedChains, result.OmittedChainsIsExact));
    }

    [Fact]
    public void Trace_ChainInsideOneReport_FollowsImplicitReports()
    {
        var graph = new TestGraph()
            .Report("zh", "zerohedge")
            .Implicit("zh~tass", "tass", "zh")
            .Implicit("zh~tass~mod", "mod", "zh")
            .Cite("zh", "zh~tass", kind: CitationKind.AccordingTo, evidence: "According to TASS")
            .Cite("zh~tass", "zh~tass~mod", evidence: "citing the ministry")
            .Assert("zh~tass~mod", AssertionMode.FirstHand)
            .Build();

        var result = graph.Trace("c");

        var chain = Assert.Single(result.Chains);
        Assert.Equal("zh -> zh~tass -> zh~tass~mod [primary-source]", chain.ToString());
        Assert.Equal(["zh", "zh~tass"], chain.Hops.Select(h => h.From));
        Assert.Equal(["tass", "mod"], chain.Hops.Select(h => h.ToSource));
        Assert.Equal([CitationKind.AccordingTo, CitationKind.Citing], chain.Hops.Select(h => h.Kind));
        Assert.Equal(["According to TASS", "citing the ministry"], chain.Hops.Select(h => h.Evidence));
        Assert.Equal(new TraceEnd(ChainEndKind.PrimarySource, "zh~tass~mod", "mod", null, "zh~tass~mod"), chain.End);
        Assert.Equal<string>(["mod"], result.PrimarySources);
    }

    [Fact]
    public void Trace_Diamond_GivesOneChainPerBranch()
    {
        var graph = new TestGraph()
            .Report("a", "outlet-a").Report("b", "agency-b").Report("d", "agency-d").Report("m", "mod")
            .Cite("a", "b").Cite("a", "d").Cite("b", "m").Cite("d", "m")
            .Assert("m", AssertionMode.FirstHand)
            .Build();

        var result = graph.Trace("c");

        Assert.Equal(
            ["a -> b -> m [primary-source]", "a -> d -> m [primary-source]", "b -> m [primary-source]", "d -> m [primary-source]", "m [primary-source]"],
            Chains(result));
        Assert.Equal<string>(["mod"], result.PrimarySources);
    }

    [Fact]
    public void Trace_CitationCycle_EndsInCycleAtRepeatedReport()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("x", "sx")
            .Cite("a", "b").Cite("b", "x").Cite("x", "b")
            .Build();

        var result = graph.Trace("c");

        Assert.Equal(["a -> b -> x -> b [cycle]", "b -> x -> b [cycle]", "x -> b -> x [cycle]"], Chains(result));
        Assert.Equal(new TraceEnd(ChainEndKind.Cycle, "b", "sb"), result.Chains[0].End);
        Assert.Empty(result.PrimarySources);
        Assert.Equal(0, result.IndependentOrigins.Count);
    }

    [Fact]
    public void Trace_ImplicitReportOfSourceWithFirstHandStatement_EndsAtThatStatement()
    {
        var graph = new TestGraph()
            .Report("mod-stmt", "mod").Assert("mod-stmt", AssertionMode.FirstHand)
            .Report("rt", "rt-outlet").Implicit("rt~mod", "mod", "rt").Cite("rt", "rt~mod", kind: CitationKind.AccordingTo)
            .Build();

        var result = graph.Trace("c");

        Assert.Equal(["mod-stmt [primary-source]", "rt -> rt~mod [primary-source]"], Chains(result));
        Assert.Equal(new TraceEnd(ChainEndKind.PrimarySource, "rt~mod", "mod", null, "mod-stmt"), result.Chains[1].End);
    }

    [Fact]
    public void Trace_ImplicitReportOfSourceWithoutFirstHandStatement_IsDeadEnd()
    {
        var graph = new TestGraph()
            .Report("mod-stmt", "mod").Assert("mod-stmt", AssertionMode.FirstHand, claim: "other")
            .Report("rt", "rt-outlet").Implicit("rt~mod", "mod", "rt").Cite("rt", "rt~mod")
            .Build();

        var result = graph.Trace("c");

        var chain = Assert.Single(result.Chains);
        Assert.Equal(new TraceEnd(ChainEndKind.DeadEnd, "rt~mod", "mod", DeadEndReason.NoFirstHandStatement), chain.End);
        Assert.Empty(result.PrimarySources);
    }

    [Fact]
    public void Trace_UnattributedReports_AreDeadEnds()
    {
        var graph = new TestGraph()
            .Report("blog", "blogger").Assert("blog", AssertionMode.Unattributed)
            .Report("site", "site").Cite("site", "blog")
            .Build();

        var result = graph.Trace("c");

        Assert.Equal(["blog [dead-end]", "site -> blog [dead-end]"], Chains(result));
        Assert.All(result.Chains, c => Assert.Equal(new TraceEnd(ChainEndKind.DeadEnd, "blog", "blogger", DeadEndReason.UnattributedAssertion), c.End));
    }

    [Fact]
    public void Trace_PrimariesInOneAffiliation_CountOneOrigin()
    {
        var graph = new TestGraph()
            .Source("mod", "ru-state").Source("tass", "ru-state")
            .Report("m", "mod").Assert("m", AssertionMode.FirstHand)
            .Report("t", "tass").Assert("t", AssertionMode.FirstHand)
            .Report("zh", "zerohedge").Cite("zh", "m").Cite("zh", "t")
            .Build();

        var result = graph.Trace("c");

        Assert.Equal<string>(["mod", "tass"], result.PrimarySources);
        Assert.Equal(new IndependentOriginsResult("c", [new OriginGroup("ru-state", ["mod", "tass"])]), result.IndependentOrigins);
        Assert.Equal(1, result.IndependentOrigins.Count);
    }

    [Fact]
    public void Trace_PrimariesInTwoGroups_CountTwoOrigins()
    {
        var graph = new TestGraph()
            .Source("mod", "ru-state").Source("az-mfa", "az-state").Source("locals")
            .Report("m", "mod").Assert("m", AssertionMode.FirstHand)
            .Report("a", "az-mfa").Assert("a", AssertionMode.FirstHand)
            .Report("v", "locals").Assert("v", AssertionMode.FirstHand)
            .Build();

        var result = graph.IndependentOrigins("c");

        Assert.Equal(
            new IndependentOriginsResult("c", [new OriginGroup("ru-state", ["mod"]), new OriginGroup("az-state", ["az-mfa"]), new OriginGroup(null, ["locals"])]),
            result);
        Assert.Equal(3, result.Count);
        Assert.Equal<string>(["mod", "az-mfa", "locals"], graph.PrimarySources("c"));
    }

    [Fact]
    public void Trace_MaxChains_KeepsFirstChainsAndCountsTheRestExactly()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("d", "sd").Report("m", "mod")
            .Cite("a", "b").Cite("a", "d").Cite("b", "m").Cite("d", "m")
            .Assert("m", AssertionMode.FirstHand)
            .Build();

        var result = graph.Trace("c", new TraceOptions { MaxChains = 2 });

        Assert.Equal(["a -> b -> m [primary-source]", "a -> d -> m [primary-source]"], Chains(result));
        Assert.Equal((3L, true), (result.OmittedChains, result.OmittedChainsIsExact));
        Assert.Equal<string>(["mod"], result.PrimarySources);
    }

    [Fact]
    public void Trace_MaxChainsWithCycle_CountsTheRestByWalking()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("x", "sx")
            .Cite("a", "b").Cite("b", "x").Cite("x", "b")
            .Build();

        var result = graph.Trace("c", new TraceOptions { MaxChains = 1 });

        Assert.Equal(["a -> b -> x -> b [cycle]"], Chains(result));
        Assert.Equal((2L, true), (result.OmittedChains, result.OmittedChainsIsExact));
    }

    [Fact]
    public void Trace_MaxDepth_CutsChainAsDeadEnd()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("m", "mod")
            .Cite("a", "b").Cite("b", "m").Assert("m", AssertionMode.FirstHand)
            .Build();

        var result = graph.Trace("c", new TraceOptions { MaxDepth = 1 });

        Assert.Equal(["a -> b [dead-end]", "b -> m [primary-source]", "m [primary-source]"], Chains(result));
        Assert.Equal(new TraceEnd(ChainEndKind.DeadEnd, "b", "sb", DeadEndReason.DepthLimit), result.Chains[0].End);
        Assert.Equal<string>(["mod"], result.PrimarySources);
    }

    [Fact]
    public void Trace_MaxTotalHops_LeavesOutChainsPastTheBudget()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("m", "mod")
            .Cite("a", "b").Cite("b", "m").Assert("m", AssertionMode.FirstHand)
            .Build();

        var result = graph.Trace("c", new TraceOptions { MaxTotalHops = 2 });

        Assert.Equal(["a -> b -> m [primary-source]"], Chains(result));
        Assert.Equal((2L, true), (result.OmittedChains, result.OmittedChainsIsExact));
    }

    [Fact]
    public void Trace_WeakestHop_PrefersHedgeThenKindThenFirst()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("d", "sd").Report("m", "mod")
            .Cite("a", "b", kind: CitationKind.AccordingTo)
            .Cite("b", "d", kind: CitationKind.DirectQuote, hedge: Hedge.Alleged)
            .Cite("d", "m", kind: CitationKind.Paraphrase, hedge: Hedge.Alleged)
            .Assert("m", AssertionMode.FirstHand)
            .Build();

        var chain = graph.Trace("c").Chains[0];

        Assert.Equal(("d", "m"), (chain.WeakestHop!.From, chain.WeakestHop.To));
    }

    [Fact]
    public void Trace_UnknownClaim_ThrowsKeyNotFound()
    {
        var graph = new TestGraph().Report("m", "mod").Assert("m", AssertionMode.FirstHand).Build();

        var error = Assert.Throws<KeyNotFoundException>(() => graph.Trace("nope"));

        Assert.Equal("No claim has the id 'nope'.", error.Message);
        Assert.False(graph.TryTrace("nope", out var result));
        Assert.Null(result);
    }

    [Fact]
    public void Trace_ZeroMaxChains_ThrowsArgumentOutOfRange()
    {
        var graph = new TestGraph().Report("m", "mod").Assert("m", AssertionMode.FirstHand).Build();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => graph.Trace("c", new TraceOptions { MaxChains = 0 }));

        Assert.Equal("MaxChains", error.ParamName);
    }

    [Fact]
    public void Trace_HundredThousandCitationFanIn_CapsAndCountsExactly()
    {
        const int citing = 100_000;
        var builder = new CitationGraphBuilder()
            .AddSource(new Source("mod", "MoD", SourceKind.Government))
            .AddSource(new Source("s", "S", SourceKind.Outlet))
            .AddClaim(new Claim("c", "C."))
            .AddReport(new Report("m", "mod", ReportKind.Statement))
            .AddAssertion(new Assertion("m", "c", AssertionMode.FirstHand));
        for (var i = 0; i < citing; i++)
        {
            builder.AddReport(new Report("r" + i, "s", ReportKind.Article));
            builder.AddCitation(new Citation("r" + i, "m", "c", CitationKind.Citing));
        }

        var graph = builder.Build();

        var result = graph.Trace("c");

        Assert.Equal(10_000, result.Chains.Length);
        Assert.Equal((citing + 1L - 10_000, true), (result.OmittedChains, result.OmittedChainsIsExact));
        Assert.Equal<string>(["mod"], result.PrimarySources);
    }

    [Fact]
    public void Trace_CyclicGraphWithExhaustedCountingBudget_GivesLowerBound()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("x", "sx").Report("y", "sy")
            .Cite("a", "b").Cite("b", "x").Cite("x", "b").Cite("b", "y").Cite("y", "b")
            .Build();

        var result = graph.Trace("c", new TraceOptions { MaxChains = 1, CountingSteps = 3 });
        var exact = graph.Trace("c", new TraceOptions { MaxChains = 1 });

        Assert.Equal("a -> b -> x -> b [cycle]", Assert.Single(result.Chains).ToString());
        Assert.False(result.OmittedChainsIsExact);
        Assert.InRange(result.OmittedChains, 1, exact.OmittedChains - 1);
        Assert.Equal((7L, true), (exact.OmittedChains, exact.OmittedChainsIsExact));
    }
}
