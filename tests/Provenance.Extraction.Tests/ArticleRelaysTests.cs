using System.Collections.Immutable;
using System.Globalization;
using Provenance.Extraction.Evaluation;
using Provenance.Verification;
using Provenance.Yaml;

namespace Provenance.Extraction.Tests;

/// <summary>
/// Hidden relays among article texts. The attributions are written by hand (not extracted), so that each test pins the rule
/// that judges a shared passage, whatever the extractor finds in the same words.
/// </summary>
public sealed class ArticleRelaysTests
{
    private const string Copy = "a cargo plane had landed on the frozen lake north of the capital after losing power in both engines at night";

    private static readonly SourceResolver Known = new(
    [
        new Source("northwind", "Northwind Agency", SourceKind.NewsAgency),
        new Source("defence-ministry", "Defence Ministry", SourceKind.Government),
    ]);

    /// <summary>An attribution given by the texts of its spans (each found at its first occurrence after the previous one).</summary>
    private sealed record Hand(string? Source, string? SourceId, string Cue, string? Content, int? Cites = null);

    private static (DraftArticle Article, ExtractedDocument Document) Article(string file, string publisher, string text, params Hand[] hands) =>
        Article(file, publisher, null, text, hands);

    private static (DraftArticle Article, ExtractedDocument Document) Article(string file, string publisher, string? published, string text, params Hand[] hands)
    {
        TextSpan? Find(string? span)
        {
            if (span is null)
            {
                return null;
            }

            var at = text.IndexOf(span, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{span}' is not in the text");
            return TextSpan.Of(text, at, at + span.Length);
        }

        var attributions = hands.Select(h => new Attribution
        {
            Source = Find(h.Source),
            Cue = Find(h.Cue)!.Value,
            Content = Find(h.Content),
            SourceId = h.SourceId,
            Match = h.SourceId is null ? SourceMatch.None : SourceMatch.Known,
            Cites = h.Cites,
            Confidence = 0.9,
        }).ToImmutableArray();
        var article = new DraftArticle(file, publisher)
        {
            Published = published is null ? null : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture),
        };
        return (article, new ExtractedDocument(file, text, attributions));
    }

    // The relayed article: an agency, citing the ministry, said it (the words are the agency's copy).
    private static (DraftArticle Article, ExtractedDocument Document) Relayed(string? published = null) => Article(
        "relay.txt",
        "relay-news",
        published,
        "Agency report\n\nNorthwind Agency, citing the Defence Ministry, said that " + Copy + ".\n",
        new Hand("the Defence Ministry", "defence-ministry", "citing", null),
        new Hand("Northwind Agency", "northwind", "said", "that " + Copy, Cites: 0));

    [Fact]
    public void WordsAnotherArticleCreditsToARelay_CreditedToTheMinistryInstead_AreAHiddenRelayOfTheAgency()
    {
        var articles = new[]
        {
            Relayed(),
            Article(
                "hidden.txt",
                "hidden-post",
                "Plane lands on lake\n\nA cargo plane had landed on the frozen lake north of the capital after losing power in both engines at night, the Defence Ministry said.\n",
                new Hand("the Defence Ministry", "defence-ministry", "said", "A cargo plane had landed on the frozen lake north of the capital after losing power in both engines at night")),
        };

        var relay = Assert.Single(ArticleRelays.Find(articles));
        Assert.Equal((1, 0), (relay.Relaying, relay.Relayed));
        Assert.Equal("northwind", relay.WordsOf);
        Assert.Equal(["defence-ministry"], relay.Credited.ToArray());
        Assert.True(relay.Directed);
        Assert.Equal("A cargo plane had landed on the frozen lake north of the capital after losing power in both engines at night", relay.RelayingPassage.Text);
        Assert.Equal(Copy, relay.RelayedPassage.Text);
        Assert.Equal(ArticleRelays.FoldedLength(relay.RelayingPassage.Text), relay.Score);
        Assert.Equal("hidden-post credits defence-ministry; the wording matches northwind as relayed by relay-news", ArticleRelays.Describe(relay, articles));
    }

    [Fact]
    public void CopyWithChangedCaseAndPunctuation_IsFound_AndCreditingTheAgencyExplainsIt()
    {
        const string text = "Lake landing\n\nA CARGO plane had landed -- on the frozen lake, north of the capital, after losing power in both engines at night. Officials were silent.\n";
        var uncredited = new[] { Relayed(), Article("copy.txt", "copy-daily", text) };
        var relay = Assert.Single(ArticleRelays.Find(uncredited));
        Assert.Equal(("copy-daily credits no one; the wording matches northwind as relayed by relay-news", true), (ArticleRelays.Describe(relay, uncredited), relay.Directed));

        var credited = text.Replace(". Officials", ", Northwind Agency reported. Officials", StringComparison.Ordinal);
        var explained = new[]
        {
            Relayed(),
            Article("copy.txt", "copy-daily", credited, new Hand("Northwind Agency", "northwind", "reported", "A CARGO plane had landed -- on the frozen lake, north of the capital, after losing power in both engines at night")),
        };
        Assert.Empty(ArticleRelays.Find(explained));

        // Crediting the relaying article's publisher explains it too.
        var viaPublisher = new[]
        {
            Relayed(),
            Article("copy.txt", "copy-daily", credited, new Hand("Northwind Agency", "relay-news", "reported", "A CARGO plane had landed -- on the frozen lake, north of the capital, after losing power in both engines at night")),
        };
        Assert.Empty(ArticleRelays.Find(viaPublisher));
    }

    [Fact]
    public void TwoQuotationsOfOneStatement_AreNoRelay_WhateverEachCredits()
    {
        const string statement = "The aircraft was lost during a routine training flight over the northern ranges and the crew could not be saved";
        var articles = new[]
        {
            Article("q1.txt", "quoter-one", "Statement\n\n\"" + statement + ",\" the Defence Ministry said.\n", new Hand("the Defence Ministry", "defence-ministry", "said", "\"" + statement + ",\"")),
            // The second quotes the same words but its attribution was missed: both passages are in quotation marks all the same.
            Article("q2.txt", "quoter-two", "Crash\n\nThe ministry's words were: “" + statement + ".”\n"),
        };
        Assert.Empty(ArticleRelays.Find(articles));

        // Out of quotation marks on one side, the same words are a finding.
        var unquoted = new[] { articles[0], Article("q3.txt", "quoter-three", "Crash\n\n" + statement + ".\n") };
        var relay = Assert.Single(ArticleRelays.Find(unquoted));
        Assert.Equal((1, "defence-ministry"), (relay.Relaying, relay.WordsOf));
    }

    [Fact]
    public void OwnWordsOfBothArticles_HaveADirectionOnlyFromTheirDates()
    {
        const string words = "Villagers in the valley heard a loud bang shortly after dusk and saw a column of black smoke rising above the pine forest";
        var undated = new[] { Article("own1.txt", "own-one", "Crash\n\n" + words + ".\n"), Article("own2.txt", "own-two", "Bang\n\n" + words + " near the road.\n") };
        var relay = Assert.Single(ArticleRelays.Find(undated));
        Assert.False(relay.Directed);
        Assert.Null(relay.WordsOf);
        Assert.Contains("who copied whom is unknown", ArticleRelays.Describe(relay, undated), StringComparison.Ordinal);

        var dated = new[]
        {
            Article("own1.txt", "own-one", "2020-11-10T09:00:00+00:00", "Crash\n\n" + words + ".\n"),
            Article("own2.txt", "own-two", "2020-11-09T21:00:00+00:00", "Bang\n\n" + words + " near the road.\n"),
        };
        relay = Assert.Single(ArticleRelays.Find(dated));
        Assert.True(relay.Directed);
        Assert.Equal((0, 1), (relay.Relaying, relay.Relayed));
        Assert.Equal("own-one credits no one; the wording matches own-two's own, published earlier", ArticleRelays.Describe(relay, dated));
    }

    [Fact]
    public void ParaphraseInOtherWords_StockPhraseAndSourceNames_AreNotFindings()
    {
        var articles = new[]
        {
            Relayed(),
            // The same facts retold (as a translation would): no run of words in common beyond short ones.
            Article("para.txt", "para-news", "Lake\n\nAt night a freight aircraft whose two motors had failed came to rest on the icy lake to the capital's north.\n"),
            // One stock phrase of 30 folded characters, once: below the 60 a pair must share.
            Article("stock.txt", "stock-news", "Other news\n\nThe minister sent condolences to the families of the miners.\n"),
            Article("stock2.txt", "stock-two", "More news\n\nThe king sent condolences to the families of the fishermen.\n"),
            // Only the cited source's name in common.
            Article("name.txt", "name-news", "Bridge\n\nThe Northwind Agency, citing the Defence Ministry, announced a bridge closure.\n", new Hand("The Northwind Agency", "northwind", "announced", "a bridge closure")),
        };
        Assert.Empty(ArticleRelays.Find(articles));
    }

    [Fact]
    public void Options_AreRangeChecked_AndRaiseTheBar()
    {
        var articles = new[] { Relayed(), Article("copy.txt", "copy-daily", "Copy\n\n" + Copy + ".\n") };
        Assert.Throws<ArgumentOutOfRangeException>(() => ArticleRelays.Find(articles, new ArticleRelayOptions { MinPassageLength = 11 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArticleRelays.Find(articles, new ArticleRelayOptions { MinPassageLength = 40, MinSharedLength = 39 }));
        Assert.Single(ArticleRelays.Find(articles));
        Assert.Empty(ArticleRelays.Find(articles, new ArticleRelayOptions { MinSharedLength = ArticleRelays.FoldedLength(Copy) + 1 }));
    }

    [Fact]
    public void Draft_ProposesTheHiddenHopAsInferred_AndStillValidatesAndPassesTheEvidenceCheck()
    {
        using var folder = new ResolverAndDraftTests.TempFolder();
        var articles = new[]
        {
            Relayed("2020-11-09T10:00:00+00:00"),
            Article(
                "hidden.txt",
                "hidden-post",
                "2020-11-09T12:00:00+00:00",
                "Plane lands on lake\n\nA cargo plane had landed on the frozen lake north of the capital after losing power in both engines at night, the Defence Ministry said.\n",
                new Hand("the Defence Ministry", "defence-ministry", "said", "A cargo plane had landed on the frozen lake north of the capital after losing power in both engines at night")),
            Article("own1.txt", "own-one", "2020-11-10T09:00:00+00:00", "Crash\n\nVillagers in the valley heard a loud bang shortly after dusk and saw black smoke rising above the pine forest.\n"),
            Article("own2.txt", "own-two", "2020-11-09T21:00:00+00:00", "Bang\n\nVillagers in the valley heard a loud bang shortly after dusk and saw black smoke rising above the pine forest, near the road.\n"),
        };
        articles = [.. articles.Select(a => (a.Article with { File = Path.Combine(folder.Path, a.Article.File) }, a.Document))];
        foreach (var (article, document) in articles)
        {
            File.WriteAllText(article.File, document.Text);
        }

        var relays = ArticleRelays.Find(articles);
        Assert.Equal(2, relays.Length);
        var yaml = DraftGraph.ToYaml(articles, Known, relays);
        var graph = ProvenanceYaml.Parse(yaml, "draft.yaml");
        var check = EvidenceChecker.Check(graph, folder.Path);
        Assert.True(check.IsValid, string.Join("\n", check.Problems) + "\n" + yaml);

        var inferred = graph.Citations.Where(c => c.Kind == CitationKind.Inferred).ToList();
        Assert.Equal(2, inferred.Count);
        // The ministry credit the text states is kept as stated; the agency hop is added beside it, marked inferred.
        var hidden = graph.Reports.Single(r => r.Source == "hidden-post").Id;
        var agency = Assert.Single(inferred, c => c.From == hidden);
        Assert.Equal("northwind", graph.GetReport(agency.To).Source);
        Assert.Equal("A cargo plane had landed on the frozen lake north of the capital after losing power in both engines at night", agency.Evidence);
        Assert.Contains(graph.Citations, c => c.From == hidden && c.Claim == agency.Claim && c.Kind != CitationKind.Inferred && graph.GetReport(c.To).Source == "defence-ministry");
        Assert.Contains("# inferred hop, not stated by the text: hidden-post credits defence-ministry; the wording matches northwind as relayed by relay-news", yaml, StringComparison.Ordinal);

        // Own words, dated: the later article cites the earlier one's report, which asserts the claim unattributed.
        var earlier = graph.Reports.Single(r => r.Source == "own-two").Id;
        var copied = Assert.Single(inferred, c => c.To == earlier);
        Assert.Equal("own-one", graph.GetReport(copied.From).Source);
        Assert.Equal(AssertionMode.Unattributed, graph.Assertions.Single(a => a.Report == earlier && a.Claim == copied.Claim).Mode);

        // Tracing the claim follows the inferred hop to the agency beside the stated one to the ministry.
        var chains = graph.Trace(agency.Claim).Chains.Select(c => string.Join(" -> ", c.Hops.Select(h => graph.GetReport(h.To).Source))).ToList();
        Assert.Contains("northwind", chains);
        Assert.Contains("defence-ministry", chains);
        Assert.Equal(CitationKind.Inferred, graph.Trace(agency.Claim).Chains.Single(c => c.Hops[0].Kind == CitationKind.Inferred).WeakestHop!.Kind);

        // Without relays the draft is as before: nothing inferred.
        Assert.DoesNotContain("kind: inferred", DraftGraph.ToYaml(articles, Known), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DraftGraph.ToYaml(articles[..1], Known, relays));
    }
}
