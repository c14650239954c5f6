namespace Provenance.Tests.Tracing;

public partial class CitationGraphQueriesTests
{
    [Fact]
    public void Trace_ReadmeSample_PrintsChainsAndOrigins()
    {
        var graph = new TestGraph()
            .Report("zh", "zerohedge").Implicit("zh~tass", "tass", "zh").Implicit("zh~tass~az-mfa", "az-mfa", "zh")
            .Cite("zh", "zh~tass", claim: "az-mistake").Cite("zh~tass", "zh~tass~az-mfa", claim: "az-mistake", hedge: Hedge.Reportedly)
            .Assert("zh~tass~az-mfa", AssertionMode.FirstHand, claim: "az-mistake")
            .Build();
        var writer = new StringWriter { NewLine = "\n" };

        // The README's sample, verbatim.
        var trace = graph.Trace("az-mistake");
        foreach (var chain in trace.Chains)
        {
            writer.WriteLine($"{chain} weakest: {chain.WeakestHop}");
        }

        writer.WriteLine($"{trace.PrimarySources.Length} primary sources, {trace.IndependentOrigins.Count} independent origins");

        Assert.Equal(
            "zh -> zh~tass -> zh~tass~az-mfa [primary-source] weakest: zh~tass -> zh~tass~az-mfa (citing, reportedly)\n"
            + "1 primary sources, 1 independent origins\n",
            writer.ToString());
    }
}
