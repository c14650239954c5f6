using CsCheck;

namespace Provenance.Tests.Properties;

/// <summary>
/// CsCheck properties against <see cref="ChainOracle"/>. On a failure CsCheck shrinks the graph and the message shows the
/// smallest failing graph (<see cref="GraphSpec.ToString"/>) and the seed that replays it: pass it as
/// <c>seed: "..."</c> to <c>Sample</c>, or set the environment variable <c>CsCheck_Seed</c>.
/// </summary>
public class OriginPropertyTests
{
    private const long Iterations = 1_000;

    [Fact]
    public void PrimarySources_AnyGraph_AreTheSourcesEndingChains()
    {
        GraphSpec.Gen.Sample(
            spec =>
            {
                var graph = spec.Build();
                for (var k = 0; k < GraphSpec.ClaimIds.Length; k++)
                {
                    var expected = ChainOracle.PrimarySources(spec, k);
                    Assert.Equal(expected, graph.PrimarySources(GraphSpec.ClaimIds[k]).Order(StringComparer.Ordinal));
                    Assert.Equal(expected, graph.Trace(GraphSpec.ClaimIds[k]).PrimarySources.Order(StringComparer.Ordinal));
                }
            },
            iter: Iterations,
            print: spec => spec.ToString());
    }

    [Fact]
    public void IndependentOrigins_AnyGraph_GroupThePrimarySourcesByAffiliation()
    {
        GraphSpec.Gen.Sample(
            spec =>
            {
                var graph = spec.Build();
                for (var k = 0; k < GraphSpec.ClaimIds.Length; k++)
                {
                    var expected = ChainOracle.Origins(spec, k);
                    Assert.Equal(expected, Describe(graph.IndependentOrigins(GraphSpec.ClaimIds[k])));
                    Assert.Equal(expected, Describe(graph.Trace(GraphSpec.ClaimIds[k]).IndependentOrigins));
                }
            },
            iter: Iterations,
            print: spec => spec.ToString());
    }

    [Fact]
    public void SingleOriginClaims_AnyGraph_AreTheClaimsWithOneOriginGroup()
    {
        GraphSpec.Gen.Sample(
            spec =>
            {
                var expected = Enumerable.Range(0, GraphSpec.ClaimIds.Length).Where(k => ChainOracle.Origins(spec, k).Count == 1).Select(k => GraphSpec.ClaimIds[k]);

                Assert.Equal(expected, spec.Build().SingleOriginClaims().Select(o => o.Claim));
            },
            iter: Iterations,
            print: spec => spec.ToString());
    }

    [Fact]
    public void Trace_AnyGraph_HasOneChainPerEnumeratedChain()
    {
        GraphSpec.Gen.Sample(
            spec =>
            {
                var graph = spec.Build();
                for (var k = 0; k < GraphSpec.ClaimIds.Length; k++)
                {
                    var expected = ChainOracle.Chains(spec, k)
                        .Select(c => $"{string.Join(" -> ", c.Path.Select(r => spec.Reports[r].Id))} [{c.End}]")
                        .Order(StringComparer.Ordinal);
                    var actual = graph.Trace(GraphSpec.ClaimIds[k]).Chains
                        .Select(c => $"{string.Join(" -> ", new[] { c.Report }.Concat(c.Hops.Select(h => h.To)))} [{End(c.End.Kind)}]")
                        .Order(StringComparer.Ordinal);

                    Assert.Equal(expected, actual);
                }
            },
            iter: Iterations,
            print: spec => spec.ToString());
    }

    [Fact]
    public void SourceSummary_AnyGraph_CountsUnattributedRelaysByTheUnknownModeRule()
    {
        GraphSpec.Gen.Sample(
            spec =>
            {
                // Per (citing source, cited source): citations, and those whose cited report's assertion is unattributed,
                // or of unknown mode with no first-hand assertion of the claim by the cited source anywhere.
                var expected = spec.Citations
                    .GroupBy(c => (From: spec.Reports[c.From].Source, To: spec.Reports[c.To].Source))
                    .Select(g => $"s{g.Key.From}->s{g.Key.To} {g.Count()} {g.Count(c => Unattributed(spec, c.To, c.Claim))}")
                    .Order(StringComparer.Ordinal);
                var actual = spec.Build().SourceSummary().Pairs.Select(p => $"{p.CitingSource}->{p.CitedSource} {p.Citations} {p.Unattributed}").Order(StringComparer.Ordinal);

                Assert.Equal(expected, actual);
            },
            iter: Iterations,
            print: spec => spec.ToString());
    }

    private static bool Unattributed(GraphSpec spec, int report, int claim) => spec.Mode[report, claim] switch
    {
        AssertionMode.Unattributed => true,
        AssertionMode.Unknown => !Enumerable.Range(0, spec.Reports.Count).Any(q => spec.Reports[q].Source == spec.Reports[report].Source && spec.Mode[q, claim] == AssertionMode.FirstHand),
        _ => false,
    };

    private static string End(ChainEndKind kind) => kind switch
    {
        ChainEndKind.PrimarySource => "primary",
        ChainEndKind.DeadEnd => "dead-end",
        _ => "cycle",
    };

    private static IEnumerable<string> Describe(IndependentOriginsResult origins) =>
        origins.Groups.Select(g => $"{g.Affiliation ?? "-"}:{string.Join(",", g.Sources)}");
}
