using System.Collections.Immutable;

namespace Provenance.Tests.Tracing;

/// <summary>
/// The value equality the query results override (element-wise over their arrays): equal to a copy built from fresh
/// arrays, and unequal to a value that differs in exactly one member, for every member. The query tests compared only
/// equal results, so a mutant joining the member checks with "or" instead of "and" survived.
/// </summary>
public sealed class QueryTypesEqualityMutationTests
{
    private static readonly Citation C1 = new("a", "b", "c", CitationKind.Citing);
    private static readonly Citation C2 = new("b", "a", "c", CitationKind.Citing);

    private static void AssertValueEquality<T>(T value, T equalCopy, params T[] differingInOneMember)
        where T : class, IEquatable<T>
    {
        Assert.NotSame(value, equalCopy);
        Assert.True(value.Equals(equalCopy));
        Assert.True(equalCopy.Equals(value));
        Assert.Equal(value.GetHashCode(), equalCopy.GetHashCode());
        Assert.False(value.Equals((T?)null));
        for (var i = 0; i < differingInOneMember.Length; i++)
        {
            Assert.False(value.Equals(differingInOneMember[i]), $"{typeof(T).Name}: equal to variant {i}: {differingInOneMember[i]}");
            Assert.False(differingInOneMember[i].Equals(value), $"{typeof(T).Name}: variant {i} equal to the value");
        }
    }

    private static ImmutableArray<string> S(params string[] items) => [.. items];

    [Fact]
    public void CitationCycle_ComparesClaimReportsAndCitations()
    {
        var value = new CitationCycle("c", S("a", "b"), [C1, C2]);
        AssertValueEquality(
            value,
            new CitationCycle("c", S("a", "b"), [C1, C2]),
            value with { Claim = null },
            value with { Reports = S("a") },
            value with { Citations = [C1] });
    }

    [Fact]
    public void CircularReportingResult_ComparesOverallAndByClaim()
    {
        var cycle = new CitationCycle(null, S("a", "b"), [C1, C2]);
        var value = new CircularReportingResult([cycle], [cycle with { Claim = "c" }]);
        AssertValueEquality(
            value,
            new CircularReportingResult([new CitationCycle(null, S("a", "b"), [C1, C2])], [new CitationCycle("c", S("a", "b"), [C1, C2])]),
            value with { Overall = [] },
            value with { ByClaim = [] });
    }

    [Fact]
    public void DependencyResult_ComparesIdReportsAndSources()
    {
        var value = new DependencyResult("x", S("r1", "r2"), S("s1"));
        AssertValueEquality(
            value,
            new DependencyResult("x", S("r1", "r2"), S("s1")),
            value with { Id = "y" },
            value with { Reports = S("r2", "r1") },
            value with { Sources = S("s2") });
    }

    [Fact]
    public void WordingDrift_ComparesEveryMember()
    {
        var value = new WordingDrift(C1, "ten ships", "two ships", S("ten"), S("two"));
        Assert.Equal(2, value.Changed);
        Assert.Equal(3, (value with { Added = S("ten", "big") }).Changed);
        AssertValueEquality(
            value,
            new WordingDrift(C1 with { }, "ten ships", "two ships", S("ten"), S("two")),
            value with { Citation = C2 },
            value with { FromWording = "ten boats" },
            value with { ToWording = "two boats" },
            value with { Added = S() },
            value with { Removed = S() });
    }

    [Fact]
    public void PathStep_CitationPath_AndPathsResult_CompareEveryMember()
    {
        var step = new PathStep("a", "b", [C1]);
        AssertValueEquality(
            step,
            new PathStep("a", "b", [C1]),
            step with { From = "x" },
            step with { To = "x" },
            step with { Citations = [C1, C1] });

        var path = new CitationPath([step, new PathStep("b", "a", [C2])]);
        Assert.Equal<string>(["a", "b", "a"], path.Reports);
        Assert.Equal("a -> b -> a", path.ToString());
        AssertValueEquality(path, new CitationPath([new PathStep("a", "b", [C1]), new PathStep("b", "a", [C2])]), path with { Steps = [step] });

        var result = new PathsResult("a", "b", [path], 3, true);
        AssertValueEquality(
            result,
            new PathsResult("a", "b", [new CitationPath([new PathStep("a", "b", [C1]), new PathStep("b", "a", [C2])])], 3, true),
            result with { From = "x" },
            result with { To = "x" },
            result with { Paths = [] },
            result with { OmittedPaths = 4 },
            result with { OmittedPathsIsExact = false });
    }

    [Fact]
    public void SourceSummary_SharesAndEquality()
    {
        var pair = new SourcePairSummary("zh", "mod", 4, 1, 3);
        Assert.Equal(0.25, pair.HedgedShare);
        Assert.Equal(0.75, pair.UnattributedShare);

        var value = new SourceSummaryResult([pair], [new SourceRelaySummary("mod", 4, 1, 0)]);
        AssertValueEquality(
            value,
            new SourceSummaryResult([new SourcePairSummary("zh", "mod", 4, 1, 3)], [new SourceRelaySummary("mod", 4, 1, 0)]),
            value with { Pairs = [] },
            value with { Sources = [] });
    }

    [Fact]
    public void RelayWordingDrift_AndRelayDriftResult_CompareEveryMember()
    {
        var value = new RelayWordingDrift("c", "mod", "r1", "ten ships", "r2", "two ships", S("two"), S("ten"));
        Assert.Equal(2, value.Changed);
        Assert.Equal(1, (value with { Removed = S() }).Changed);
        AssertValueEquality(
            value,
            new RelayWordingDrift("c", "mod", "r1", "ten ships", "r2", "two ships", S("two"), S("ten")),
            value with { Claim = "d" },
            value with { Source = "tass" },
            value with { First = "r0" },
            value with { FirstWording = "ten boats" },
            value with { Second = "r3" },
            value with { SecondWording = "two boats" },
            value with { Added = S() },
            value with { Removed = S() });

        var result = new RelayDriftResult("c", [value], 2);
        AssertValueEquality(
            result,
            new RelayDriftResult("c", [new RelayWordingDrift("c", "mod", "r1", "ten ships", "r2", "two ships", S("two"), S("ten"))], 2),
            result with { Claim = "d" },
            result with { Pairs = [] },
            result with { OmittedPairs = 3 });
    }

    [Fact]
    public void RelayPassage_AndHiddenRelaysResult_CompareEveryMember()
    {
        var value = new RelayPassage("zh", "zerohedge", "zh~mod", "mod", "c", PassageKind.Wording, "ten ships sank", S("mod"), S("ten ships"));
        Assert.True(value.IsRelayed);
        Assert.False((value with { Speaker = "zh" }).IsRelayed);
        AssertValueEquality(
            value,
            new RelayPassage("zh", "zerohedge", "zh~mod", "mod", "c", PassageKind.Wording, "ten ships sank", S("mod"), S("ten ships")),
            value with { Report = "zz" },
            value with { Source = "zz" },
            value with { Speaker = "zz" },
            value with { SpeakerSource = "zz" },
            value with { Claim = "zz" },
            value with { Kind = PassageKind.Evidence },
            value with { Text = "zz" },
            value with { Credits = S() },
            value with { Passages = S() });

        var relay = new HiddenRelay(value, value with { Report = "t", Source = "tass", Speaker = "t" }, true, 0.9, 30, 0.45, "x");
        var result = new HiddenRelaysResult([relay, relay with { Relaying = relay.Relaying with { Claim = "d" } }], 1);
        Assert.Equal([relay], result.OfClaim("c"));
        Assert.Empty(result.OfClaim("e"));
        AssertValueEquality(
            result,
            new HiddenRelaysResult([relay with { }, relay with { Relaying = relay.Relaying with { Claim = "d" } }], 1),
            result with { Relays = [relay] },
            result with { OmittedRelays = 0 });
    }
}
