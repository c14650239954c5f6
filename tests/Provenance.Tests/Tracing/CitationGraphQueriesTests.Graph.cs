namespace Provenance.Tests.Tracing;

public partial class CitationGraphQueriesTests
{
    [Fact]
    public void CircularReporting_NoCycle_IsEmpty()
    {
        var graph = new TestGraph().Report("a", "sa").Report("b", "sb").Cite("a", "b").Assert("b", AssertionMode.FirstHand).Build();

        var result = graph.CircularReporting();

        Assert.Equal(new CircularReportingResult([], []), result);
    }

    [Fact]
    public void CircularReporting_CycleAcrossClaims_IsOverallOnly()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("x", "sx")
            .Cite("x", "a", claim: "c1").Cite("a", "b", claim: "c1").Cite("b", "a", claim: "c2")
            .Assert("b", AssertionMode.Unattributed, claim: "c1").Assert("a", AssertionMode.Unattributed, claim: "c2")
            .Build();

        var result = graph.CircularReporting();

        var cycle = Assert.Single(result.Overall);
        Assert.Null(cycle.Claim);
        Assert.Equal<string>(["a", "b"], cycle.Reports);
        Assert.Equal(["a->b", "b->a"], cycle.Citations.Select(c => c.From + "->" + c.To));
        Assert.Empty(result.ByClaim);
    }

    [Fact]
    public void CircularReporting_CycleWithinClaim_IsListedForThatClaim()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("d", "sd").Report("e", "se").Report("f", "sf")
            .Cite("a", "b", claim: "c1").Cite("b", "d", claim: "c1").Cite("d", "a", claim: "c1")
            .Cite("e", "f", claim: "c2").Cite("f", "e", claim: "c2").Cite("a", "e", claim: "c2")
            .Build();

        var result = graph.CircularReporting();

        Assert.Equal([["a", "b", "d"], ["e", "f"]], result.Overall.Select(c => c.Reports.ToArray()));
        Assert.Equal([("c1", "a,b,d"), ("c2", "e,f")], result.ByClaim.Select(c => (c.Claim, string.Join(",", c.Reports))));
        Assert.Equal(3, result.ByClaim[0].Citations.Length);
    }

    [Fact]
    public void Downstream_Report_ListsEveryReportWithAChainToIt()
    {
        var graph = Newsroom();

        var result = graph.Downstream("m");

        Assert.Equal(new DependencyResult("m", ["zh", "t", "zh~t"], ["zerohedge", "tass"]), result);
    }

    [Fact]
    public void Downstream_Source_ListsDependentsOfAnyOfItsReports()
    {
        var graph = Newsroom();

        var result = graph.Downstream("tass");

        Assert.Equal(new DependencyResult("tass", ["zh"], ["zerohedge"]), result);
    }

    [Fact]
    public void Downstream_ClaimFilter_FollowsOnlyThatClaim()
    {
        var graph = Newsroom();

        var result = graph.Downstream("m", "other");

        Assert.Equal(new DependencyResult("m", ["t"], ["tass"]), result);
    }

    [Fact]
    public void Upstream_Report_ListsEverythingItReaches()
    {
        var graph = Newsroom();

        var result = graph.Upstream("zh");

        Assert.Equal(new DependencyResult("zh", ["t", "m", "zh~t"], ["tass", "mod"]), result);
    }

    [Fact]
    public void Downstream_UnknownId_ThrowsKeyNotFound()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Newsroom().Downstream("nobody"));

        Assert.Equal("No report or source has the id 'nobody'.", error.Message);
    }

    [Fact]
    public void PathsBetween_Diamond_FindsBothPaths()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("d", "sd").Report("m", "mod")
            .Cite("a", "b").Cite("a", "d").Cite("b", "m").Cite("d", "m").Cite("b", "m", claim: "c2")
            .Assert("m", AssertionMode.FirstHand).Assert("m", AssertionMode.FirstHand, claim: "c2")
            .Build();

        var result = graph.PathsBetween("a", "m");

        Assert.Equal(["a -> b -> m", "a -> d -> m"], result.Paths.Select(p => p.ToString()));
        Assert.Equal(2, result.Paths[0].Steps[1].Citations.Length);
        Assert.Equal((0L, true), (result.OmittedPaths, result.OmittedPathsIsExact));
    }

    [Fact]
    public void PathsBetween_Cap_CountsOmittedExactlyOnAcyclicGraph()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("d", "sd").Report("m", "mod")
            .Cite("a", "b").Cite("a", "d").Cite("b", "m").Cite("d", "m").Cite("a", "m")
            .Assert("m", AssertionMode.FirstHand)
            .Build();

        var result = graph.PathsBetween("a", "m", maxPaths: 1);

        Assert.Equal(["a -> b -> m"], result.Paths.Select(p => p.ToString()));
        Assert.Equal((2L, true), (result.OmittedPaths, result.OmittedPathsIsExact));

        // On an acyclic graph the count is arithmetic: exact even with no step left for walking on.
        var noBudget = CitationGraphQueries.PathsBetweenCore(graph, "a", "m", 1, null, 0);
        Assert.Equal((2L, true), (noBudget.OmittedPaths, noBudget.OmittedPathsIsExact));
    }

    [Fact]
    public void PathsBetween_Sources_StopAtFirstReportOfTarget()
    {
        var graph = Newsroom();

        var result = graph.PathsBetween("zerohedge", "tass");

        Assert.Equal(["zh -> t", "zh -> zh~t"], result.Paths.Select(p => p.ToString()));
    }

    [Fact]
    public void PathsBetween_WithCycle_SkipsRevisits()
    {
        var graph = new TestGraph()
            .Report("a", "sa").Report("b", "sb").Report("x", "sx").Report("m", "mod")
            .Cite("a", "b").Cite("b", "x").Cite("x", "b").Cite("x", "m")
            .Assert("m", AssertionMode.FirstHand)
            .Build();

        var result = graph.PathsBetween("a", "m");

        Assert.Equal(["a -> b -> x -> m"], result.Paths.Select(p => p.ToString()));
        Assert.Equal((0L, true), (result.OmittedPaths, result.OmittedPathsIsExact));
    }

    [Fact]
    public void PathsBetween_ZeroMaxPaths_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Newsroom().PathsBetween("zh", "m", 0));

        Assert.Equal("maxPaths", error.ParamName);
    }

    /// <summary>zh cites t and (inside zh) zh~t; both cite m. t also cites m for "other".</summary>
    private static CitationGraph Newsroom() => new TestGraph()
        .Report("zh", "zerohedge").Report("t", "tass").Report("m", "mod").Implicit("zh~t", "tass", "zh")
        .Cite("zh", "t").Cite("zh", "zh~t").Cite("t", "m").Cite("zh~t", "m")
        .Cite("t", "m", claim: "other")
        .Assert("m", AssertionMode.FirstHand).Assert("m", AssertionMode.FirstHand, claim: "other")
        .Build();
}
