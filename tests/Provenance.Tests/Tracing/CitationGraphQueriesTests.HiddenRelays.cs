using Provenance.Yaml;

namespace Provenance.Tests.Tracing;

public partial class CitationGraphQueriesTests
{
    internal const string Copy = "The crash was caused by a loss of control after a missile hit the aircraft";

    internal static readonly DateTimeOffset Monday = new(2020, 11, 9, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HiddenRelays_LaterReportCopiesEarlierButCreditsAnother_IsFoundWithDirection()
    {
        // "wire" relays the ministry's statement in its own words; "copy", later, reuses them and credits the ministry.
        var graph = new TestGraph()
            .Report("wire-1", "wire", Monday).Assert("wire-1", AssertionMode.Attributed, wording: Copy).Cite("wire-1", "wire-1~mod", evidence: "the ministry said")
            .Implicit("wire-1~mod", "mod", "wire-1").Assert("wire-1~mod", AssertionMode.Unknown)
            .Report("copy-1", "copier", Monday.AddHours(3)).Assert("copy-1", AssertionMode.Attributed, wording: "Russia said " + Copy.ToLowerInvariant() + ".")
            .Cite("copy-1", "copy-1~mod", evidence: "Russia said").Implicit("copy-1~mod", "mod", "copy-1").Assert("copy-1~mod", AssertionMode.Unknown)
            .Build();

        var relay = Assert.Single(graph.HiddenRelays().Relays);

        Assert.True(relay.Directed);
        Assert.Equal(("copy-1", "copier", "copy-1"), (relay.Relaying.Report, relay.Relaying.Source, relay.Relaying.Speaker));
        Assert.Equal(["mod"], relay.Relaying.Credits.AsEnumerable());
        Assert.Equal(("wire-1", "wire", PassageKind.Wording), (relay.Relayed.Report, relay.Relayed.Source, relay.Relayed.Kind));
        Assert.Equal("copier credits mod; the wording matches wire, published earlier", relay.Suggestion);
        Assert.Equal([Copy.ToLowerInvariant()], relay.Relaying.Passages.AsEnumerable());
        Assert.Equal([Copy], relay.Relayed.Passages.AsEnumerable());
        Assert.Equal(1.0, relay.Similarity);
        Assert.Equal(Math.Round(74 / 104.0, 6), relay.Score);
    }

    [Fact]
    public void HiddenRelays_ReuserCitesTheOriginal_IsNotHidden()
    {
        var graph = new TestGraph()
            .Report("wire-1", "wire", Monday).Assert("wire-1", AssertionMode.FirstHand, wording: Copy)
            .Report("copy-1", "copier", Monday.AddHours(3)).Assert("copy-1", AssertionMode.Attributed, wording: "Officials: " + Copy)
            .Cite("copy-1", "wire-1", evidence: "as the wire reported")
            .Build();

        Assert.Empty(graph.HiddenRelays().Relays);
    }

    [Fact]
    public void HiddenRelays_ReuserCitesTheOriginalsSourceThroughAnotherReport_IsNotHidden()
    {
        var graph = new TestGraph()
            .Report("wire-1", "wire", Monday).Assert("wire-1", AssertionMode.FirstHand, wording: Copy)
            .Report("copy-1", "copier", Monday.AddHours(3)).Assert("copy-1", AssertionMode.Attributed, wording: "Officials: " + Copy)
            .Cite("copy-1", "copy-1~wire", evidence: "the wire said").Implicit("copy-1~wire", "wire", "copy-1").Assert("copy-1~wire", AssertionMode.Unknown)
            .Build();

        Assert.Empty(graph.HiddenRelays().Relays);
    }

    [Fact]
    public void HiddenRelays_TwoReportsOfOneSource_AreNotHidden()
    {
        var graph = new TestGraph()
            .Report("wire-1", "wire", Monday).Assert("wire-1", AssertionMode.FirstHand, wording: Copy)
            .Report("wire-2", "wire", Monday.AddHours(1)).Assert("wire-2", AssertionMode.FirstHand, wording: Copy + ", it said")
            .Build();

        Assert.Empty(graph.HiddenRelays().Relays);
    }

    [Fact]
    public void HiddenRelays_BothQuoteACommonThirdSource_AreNotHidden()
    {
        // Two outlets quote the ministry's statement and both credit the ministry: the likeness is explained.
        var graph = new TestGraph()
            .Report("a", "outlet-a", Monday).Cite("a", "a~mod", kind: CitationKind.DirectQuote, evidence: "\"" + Copy + ",\" the ministry said.")
            .Implicit("a~mod", "mod", "a").Assert("a~mod", AssertionMode.Unknown, wording: Copy)
            .Report("b", "outlet-b", Monday.AddHours(2)).Cite("b", "b~mod", kind: CitationKind.DirectQuote, evidence: "The ministry's statement read: \"" + Copy + ".\"")
            .Implicit("b~mod", "mod", "b").Assert("b~mod", AssertionMode.Unknown, wording: Copy + ".")
            .Build();

        Assert.Empty(graph.HiddenRelays().Relays);
    }

    [Fact]
    public void HiddenRelays_Paraphrase_IsNotFound()
    {
        var graph = new TestGraph()
            .Report("wire-1", "wire", Monday).Assert("wire-1", AssertionMode.FirstHand, wording: Copy)
            .Report("copy-1", "copier", Monday.AddHours(3)).Assert("copy-1", AssertionMode.FirstHand, wording: "A rocket struck the aircraft, which went out of control and came down.")
            .Build();

        Assert.Empty(graph.HiddenRelays().Relays);
    }

    [Fact]
    public void HiddenRelays_Undated_AreReportedWithoutDirection_OwnWordingAsRelaying()
    {
        // As in the bundled story: an undated article's own wording matches a named relay's words in another article.
        var graph = new TestGraph()
            .Report("digest", "digest-site", Monday).Cite("digest", "digest~agency", kind: CitationKind.AccordingTo, evidence: "the agency details further")
            .Implicit("digest~agency", "agency", "digest").Assert("digest~agency", AssertionMode.Unknown, wording: Copy)
            .Report("copy-1", "copier").Assert("copy-1", AssertionMode.Attributed, wording: "Russia said " + Copy + ".")
            .Cite("copy-1", "copy-1~mod", kind: CitationKind.DirectQuote, evidence: "a statement read").Implicit("copy-1~mod", "mod", "copy-1").Assert("copy-1~mod", AssertionMode.Unknown)
            .Build();

        var relay = Assert.Single(graph.HiddenRelays().Relays);

        Assert.False(relay.Directed);
        Assert.Equal("copy-1", relay.Relaying.Report);
        Assert.Equal("digest~agency", relay.Relayed.Speaker);
        Assert.True(relay.Relayed.IsRelayed);
        Assert.Equal("copier credits mod; the wording matches agency as relayed by digest-site", relay.Suggestion);
    }

    [Fact]
    public void HiddenRelays_MinSimilarityAndCap_AreHonoured()
    {
        var padded = Copy + ", and then the rest of a long article went on about the weather, markets, sport and the arts for a while";
        var graph = new TestGraph()
            .Report("wire-1", "wire", Monday).Assert("wire-1", AssertionMode.FirstHand, wording: padded)
            .Report("copy-1", "copier", Monday.AddHours(3)).Assert("copy-1", AssertionMode.FirstHand, wording: padded + " and more")
            .Report("copy-2", "other", Monday.AddHours(4)).Assert("copy-2", AssertionMode.FirstHand, wording: Copy + ", and then a different ending entirely, about football scores and cricket and tennis matches")
            .Build();

        var all = graph.HiddenRelays(minSimilarity: 0.3);
        var strong = graph.HiddenRelays(minSimilarity: 0.9);
        var capped = graph.HiddenRelays(minSimilarity: 0.3, maxRelays: 1);

        Assert.Equal(3, all.Relays.Length);
        Assert.Equal([("copy-1", "wire-1")], strong.Relays.Select(r => (r.Relaying.Report, r.Relayed.Report)));
        Assert.Equal(all.Relays[0], Assert.Single(capped.Relays));
        Assert.Equal(2, capped.OmittedRelays);
        Assert.True(all.Relays.Zip(all.Relays.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.HiddenRelays(minSimilarity: 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.HiddenRelays(minSimilarity: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.HiddenRelays(maxRelays: -1));
    }

    [Fact]
    public void HiddenRelays_PassageThatIsOnlyASourceName_IsNotCopy()
    {
        var graph = new TestGraph()
            .Report("a", "outlet-a", Monday).Assert("a", AssertionMode.FirstHand, wording: "Armenian Ministry of Emergency Situations")
            .Report("b", "outlet-b", Monday.AddHours(1)).Assert("b", AssertionMode.FirstHand, wording: "the Ministry of Emergency Situations reports")
            .Build();
        var named = new CitationGraphBuilder();
        foreach (var source in graph.Sources)
        {
            named.AddSource(source);
        }

        named.AddSource(new Source("am-mes", "Armenian Ministry of Emergency Situations", SourceKind.Government));
        foreach (var claim in graph.Claims)
        {
            named.AddClaim(claim);
        }

        foreach (var report in graph.Reports)
        {
            named.AddReport(report);
        }

        foreach (var assertion in graph.Assertions)
        {
            named.AddAssertion(assertion);
        }

        Assert.Single(graph.HiddenRelays(minSimilarity: 0.5).Relays);
        Assert.Empty(named.Build().HiddenRelays(minSimilarity: 0.5).Relays);
    }

    [Fact]
    public void HiddenRelays_BundledGraph_FindsEurAsianTimesReusingSputnikCopy()
    {
        var graph = ProvenanceYaml.Load(Provenance.Testing.TestRepository.File("graphs", "mi24-yeraskh.yaml"));

        var relays = graph.HiddenRelays().Relays;

        Assert.Equal(
            [
                ("lost-control", "the crash was caused by a loss of control after a missile hit the aircraft"),
                ("manpads", "using a man-portable air-defense system (SAM)"),
                ("near-yeraskh", "the territory of Armenia near the village of Yeraskh"),
            ],
            relays.Select(r => (r.Relaying.Claim, string.Join(" | ", r.Relaying.Passages))));
        Assert.All(relays, r =>
        {
            Assert.Equal("eurasiantimes-az-shoots-down", r.Relaying.Report);
            Assert.Equal("zerohedge-az-by-mistake~sputnik", r.Relayed.Speaker);
            Assert.Equal("eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge", r.Suggestion);
            Assert.False(r.Directed);
        });
    }
}
