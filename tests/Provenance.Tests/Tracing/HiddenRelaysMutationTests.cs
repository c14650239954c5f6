namespace Provenance.Tests.Tracing;

/// <summary>
/// Hidden relays in the cases mutation testing found untested: which side of an undated pair is shown as relaying, a
/// copy found only in a citation's evidence, a wording shared by two claims of one report, and the suggestion for a
/// relaying side that credits no one.
/// </summary>
public sealed class HiddenRelaysMutationTests
{
    private const string Copy = CitationGraphQueriesTests.Copy;

    private static readonly DateTimeOffset Monday = CitationGraphQueriesTests.Monday;

    [Fact]
    public void Undated_OwnWordingFirst_RelayedSecond_ShowsTheOwnWordingAsRelaying()
    {
        // "a" states it in its own words; "b" relays gov in the same words. Neither is dated, so there is no direction;
        // the own wording is shown as reusing the relayed one whichever comes first in the graph.
        var graph = new TestGraph()
            .Report("a", "outlet-a").Assert("a", AssertionMode.FirstHand, wording: Copy)
            .Report("b", "outlet-b").Cite("b", "b~gov", evidence: "the government said")
            .Implicit("b~gov", "gov", "b").Assert("b~gov", AssertionMode.Unknown, wording: Copy + ".")
            .Build();

        var relay = Assert.Single(graph.HiddenRelays().Relays);
        Assert.False(relay.Directed);
        Assert.Equal(("a", "a", false), (relay.Relaying.Report, relay.Relaying.Speaker, relay.Relaying.IsRelayed));
        Assert.Equal(("b", "b~gov", true), (relay.Relayed.Report, relay.Relayed.Speaker, relay.Relayed.IsRelayed));
        Assert.Equal("outlet-a credits no one; the wording matches gov as relayed by outlet-b", relay.Suggestion);
    }

    [Fact]
    public void Undated_BothOwnWordings_ShowTheLaterInGraphOrderAsRelaying()
    {
        var graph = new TestGraph()
            .Report("a", "outlet-a").Assert("a", AssertionMode.FirstHand, wording: Copy)
            .Report("b", "outlet-b").Assert("b", AssertionMode.FirstHand, wording: Copy + ", it said")
            .Build();

        var relay = Assert.Single(graph.HiddenRelays().Relays);
        Assert.False(relay.Directed);
        Assert.Equal(("b", "a"), (relay.Relaying.Report, relay.Relayed.Report));
        Assert.Equal("outlet-b credits no one; the wording matches outlet-a", relay.Suggestion);
    }

    [Fact]
    public void CopyOfAQuotationInEvidenceOnly_IsFound()
    {
        // "a" quotes the ministry; "b", later and from another outlet, prints the quotation as its own words and credits
        // no one. Only a's citation evidence holds the words.
        var graph = new TestGraph()
            .Report("a", "outlet-a", Monday).Cite("a", "a~mod", kind: CitationKind.DirectQuote, evidence: "\"" + Copy + ",\" the ministry said.")
            .Implicit("a~mod", "mod", "a").Assert("a~mod", AssertionMode.Unknown)
            .Report("b", "outlet-b", Monday.AddHours(2)).Assert("b", AssertionMode.FirstHand, wording: Copy + ".")
            .Build();

        var relay = Assert.Single(graph.HiddenRelays().Relays);
        Assert.True(relay.Directed);
        Assert.Equal(("b", PassageKind.Wording), (relay.Relaying.Report, relay.Relaying.Kind));
        Assert.Equal(("a", PassageKind.Evidence), (relay.Relayed.Report, relay.Relayed.Kind));
        Assert.Equal(["mod"], relay.Relayed.Credits.AsEnumerable());
    }

    [Fact]
    public void WordingSharedByTwoClaims_IsCreditedThroughEitherClaim()
    {
        // "copy" uses the wire's words for two claims and cites the wire for the second only: the words are credited.
        var graph = new TestGraph()
            .Claim("c1").Claim("c2")
            .Report("wire", "wire-agency", Monday).Assert("wire", AssertionMode.FirstHand, "c1", wording: Copy).Assert("wire", AssertionMode.FirstHand, "c2")
            .Report("copy", "copier", Monday.AddHours(1))
            .Assert("copy", AssertionMode.Attributed, "c1", wording: "Officials: " + Copy)
            .Assert("copy", AssertionMode.Attributed, "c2", wording: "Officials: " + Copy)
            .Cite("copy", "copy~x", "c1", evidence: "someone said").Implicit("copy~x", "x", "copy").Assert("copy~x", AssertionMode.Unknown, "c1")
            .Cite("copy", "wire", "c2", evidence: "as the wire reported")
            .Build();

        Assert.Empty(graph.HiddenRelays().Relays);
    }
}
