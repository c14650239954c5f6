using Provenance.Extraction.Evaluation;
using Provenance.Extraction.Internal;
using Provenance.Verification;
using Provenance.Yaml;

namespace Provenance.Extraction.Tests;

/// <summary>
/// The rules a news reader applies beyond the tagger: blocks after a colon, statement headers, "via X", possessive and
/// country speakers, statement references, postposed reporting clauses, passive and hedge cues, first-hand hops.
/// Every text here is written for the test.
/// </summary>
public sealed class NewsRulesTests
{
    private static readonly AttributionExtractor Extractor = AttributionExtractor.Default;

    private static readonly SourceResolver Known = new(
    [
        new Source("harbour-radio", "Harbour Radio", SourceKind.Broadcaster) { Country = "GR" },
        new Source("wire", "Wire Service", SourceKind.NewsAgency),
        new Source("gr-mot", "Greek Ministry of Transport", SourceKind.Government) { Aliases = ["Ministry of Transport"], Country = "GR" },
        new Source("gr-mfa", "Greek Ministry of Foreign Affairs", SourceKind.Government) { Aliases = ["Greek Foreign Ministry"], Country = "GR" },
        new Source("gr-mod", "Greek Ministry of Defence", SourceKind.Government) { Country = "GR" },
        new Source("greek-media", "Greek media (unnamed)", SourceKind.Anonymous) { Country = "GR" },
        new Source("it-mfa", "Italian Ministry of Foreign Affairs", SourceKind.Government) { Country = "IT" },
        new Source("it-mod", "Italian Ministry of Defence", SourceKind.Government) { Country = "IT" },
        new Source("it-coast", "Italian Coast Guard", SourceKind.Government) { Country = "IT" },
    ]);

    private static (string? Id, SourceMatch Match) Resolve(string text, string span)
    {
        var resolution = Known.StartDocument(text);
        var at = text.LastIndexOf(span, StringComparison.Ordinal);
        return resolution.Resolve(TextSpan.Of(text, at, at + span.Length));
    }

    private static (HashSet<string> Edges, HashSet<string> Chains, string Yaml) Draft(string text)
    {
        using var folder = new ResolverAndDraftTests.TempFolder();
        var file = Path.Combine(folder.Path, "a.txt");
        File.WriteAllText(file, text);
        var yaml = DraftGraph.ToYaml([(new DraftArticle(file, "daily"), Extractor.ExtractFile(file, Known))], Known);
        var graph = ProvenanceYaml.Parse(yaml, "draft.yaml");
        var check = EvidenceChecker.Check(graph, folder.Path);
        Assert.True(check.IsValid, string.Join("\n", check.Problems) + "\n" + yaml);
        return (GraphComparison.Edges(graph), GraphComparison.Chains(graph), yaml);
    }

    [Fact]
    public void ParagraphEndingInColon_IntroducesTheNextParagraph_WhoseHopsItRelays()
    {
        const string text = "Ferry Sinks\n\nHarbour Radio has aired the following early details:\n\nA ferry sank near the port, the Ministry of Transport reports. The Ministry says the alarm came at noon.\n\nThe sea was calm on Tuesday.\n";
        var attributions = Extractor.Extract(text).Attributions;
        var head = Assert.Single(attributions, a => a.Source?.Text == "Harbour Radio");
        Assert.Equal("has aired", head.Cue.Text);
        Assert.Contains("the Ministry of Transport reports", head.Content?.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("The sea was calm", head.Content?.Text, StringComparison.Ordinal);

        var (edges, chains, _) = Draft(text);
        Assert.Contains("daily -> harbour-radio", edges);
        Assert.Contains("harbour-radio -> gr-mot", edges);
        Assert.DoesNotContain("daily -> gr-mot", edges); // both of the ministry's sentences are inside the radio's block
        Assert.Contains("daily -> harbour-radio -> gr-mot", chains);
    }

    [Fact]
    public void AccordingToCitingBlock_RepeatedSourceIsOneHop()
    {
        const string text = "Port News\n\nAccording to Wire Service citing the Ministry of Transport:\n\nThe port was closed at dawn, the Ministry of Transport announced.\n";
        var (edges, chains, _) = Draft(text);
        Assert.Contains("daily -> wire -> gr-mot", chains);
        Assert.DoesNotContain(chains, c => c.EndsWith("gr-mot -> gr-mot", StringComparison.Ordinal));
        Assert.DoesNotContain("daily -> gr-mot", edges);
    }

    [Fact]
    public void StatementHeader_QuotationOverSeveralParagraphsIsItsContent()
    {
        const string text = "Official statement from the Greek Foreign Ministry on the ferry:\n“The ferry left on time.\n\nThe crew acted correctly.”\n\nThe port reopened later.\n";
        var a = Assert.Single(Extractor.Extract(text).Attributions, x => x.Cue.Text == "Official statement from");
        Assert.Equal("the Greek Foreign Ministry", a.Source?.Text);
        Assert.StartsWith("“The ferry left", a.Content?.Text, StringComparison.Ordinal);
        Assert.EndsWith("acted correctly.”", a.Content?.Text, StringComparison.Ordinal);
        var (edges, _, yaml) = Draft(text);
        Assert.Contains("daily -> gr-mfa", edges);
        Assert.Contains("first-hand: true", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Via_TheSourceOfWhatCirculates_NotTheFootage()
    {
        var attributions = Extractor.Extract("Blurry footage of the fire is circulating via Greek sources.").Attributions;
        var a = Assert.Single(attributions, x => x.Cue.Text == "via");
        Assert.Equal("Greek sources", a.Source?.Text);
        Assert.DoesNotContain(attributions, x => x.Source?.Text.Contains("footage", StringComparison.OrdinalIgnoreCase) == true);
        // "via" with nothing circulating is a route, not a source
        Assert.DoesNotContain(Extractor.Extract("The convoy travelled via Larissa to the coast.").Attributions, x => x.Cue.Text == "via");
        Assert.DoesNotContain(Extractor.Extract("Reporters asked for the ferry documents via a court in Patras.").Attributions, x => x.Cue.Text == "via");
    }

    [Fact]
    public void NamedSubjectWithPublishingVerb_PossessiveResolvesToTheOutlet()
    {
        const string text = "Greece's Harbour Radio details further that the ferry carried 200 passengers.";
        var a = Assert.Single(Extractor.Extract(text, Known).Attributions, x => x.Cue.Text == "details");
        Assert.Equal("Greece's Harbour Radio", a.Source?.Text);
        Assert.Equal("harbour-radio", a.SourceId);
        Assert.StartsWith("the ferry carried", a.Content?.Text, StringComparison.Ordinal);
        // a common noun subject is no source; a passive is no report
        Assert.DoesNotContain(Extractor.Extract("The old lighthouse identified nothing.").Attributions, x => x.Cue.Text.Contains("identified", StringComparison.Ordinal));
        Assert.DoesNotContain(Extractor.Extract("The wreck was identified by divers.").Attributions, x => x.Source?.Text == "The wreck");
        // a participle after its noun modifies it; a clause opener is no subject
        Assert.DoesNotContain(Extractor.Extract("A Greek guidebook published for sailors lists every port.").Attributions, x => x.Cue.Text == "published");
        Assert.DoesNotContain(Extractor.Extract("As published in Harbour Weekly, the list is long.").Attributions, x => x.Source?.Text == "As");
    }

    [Fact]
    public void CountryAsSpeaker_IsItsGovernment_CountryAsPlaceIsNoSource()
    {
        // named before: that body; none named: the only one, else the foreign ministry; several places: no one
        Assert.Equal(("gr-mot", SourceMatch.Reference), Resolve("The Greek Ministry of Transport said the port was shut. Greece said it would reopen.", "Greece"));
        Assert.Equal(("gr-mfa", SourceMatch.Reference), Resolve("Athens claimed the ferry was old.", "Athens"));
        Assert.Equal(("gr-mfa", SourceMatch.Reference), Resolve("The Greek side declares its readiness to help.", "The Greek side"));
        Assert.Equal(("it-mfa", SourceMatch.Reference), Resolve("Rome apologized.", "Rome"));
        Assert.Equal((null, SourceMatch.Unresolved), Resolve("Athens and Rome both said so.", "Athens and Rome both"));
        Assert.Equal((null, SourceMatch.Unresolved), Resolve("A Greek said so.", "A Greek"));
        Assert.Equal(SourceMatch.Proposed, Resolve("Norway said so.", "Norway").Match);
    }

    [Fact]
    public void MilitaryStatementAndReportsInMedia_ResolveToTheirMakers()
    {
        Assert.Equal(("gr-mod", SourceMatch.Known), Resolve("“The drill is over,” a statement from the Greek military read.", "a statement from the Greek military"));
        Assert.Equal("greek-media", Resolve("It sank, according to reports in Greek media.", "reports in Greek media").Id);
        Assert.Equal("greek-media", Resolve("Greek reports claim it sank.", "Greek reports").Id);
        // "the report" refers back to some report; it is not a new unnamed source
        Assert.Equal((null, SourceMatch.Unresolved), Resolve("The report notes further that it sank.", "The report"));

        const string text = "“The drill is over,” a statement from the Greek military read.";
        var a = Assert.Single(Extractor.Extract(text, Known).Attributions, x => x.Cue.Text == "read");
        Assert.Equal("gr-mod", a.SourceId);
        Assert.Equal("“The drill is over,”", a.Content?.Text);
    }

    [Fact]
    public void TheStatement_IsTheStatementOfTheSourceCitedLast_AtTheEndOfItsChain()
    {
        const string text = "The Greek Ministry of Transport confirmed the closure. “The port stays shut until Friday,” the statement said.";
        var attributions = Extractor.Extract(text, Known).Attributions;
        var a = Assert.Single(attributions, x => x.Source?.Text == "the statement");
        Assert.Equal(("gr-mot", SourceMatch.Reference), (a.SourceId, a.Match));
    }

    [Fact]
    public void PostposedReportingClause_RelaysTheAttributionBeforeIt()
    {
        const string text = "The Ministry of Transport confirmed on Monday that the port was closed, Greek state media reported.";
        var attributions = Extractor.Extract(text).Attributions;
        var media = Assert.Single(attributions, x => x.Source?.Text == "Greek state media");
        Assert.NotNull(media.Cites);
        Assert.Equal("The Ministry of Transport", attributions[media.Cites!.Value].Source?.Text);
    }

    [Fact]
    public void HedgeAndPassiveCues_HaveNoSource_ReportingNameIsNoCue()
    {
        Assert.DoesNotContain(Extractor.Extract("The ferry has reportedly sunk near the cape.").Attributions, x => x.Source?.Text == "The ferry");
        Assert.DoesNotContain(Extractor.Extract("The ship is said to have left at dawn.").Attributions, x => x.Source?.Text == "The ship");
        Assert.DoesNotContain(Extractor.Extract("The Tu-95 (NATO reporting name: Bear) flew past the island.").Attributions, x => x.Cue.Text == "reporting");
        Assert.True(NewsRules.IsHedgeOrPassive("have reportedly"));
        Assert.True(NewsRules.IsHedgeOrPassive("is said"));
        Assert.False(NewsRules.IsHedgeOrPassive("said"));
    }

    [Fact]
    public void Participle_TakesTheSpeakerOfTheClauseBeforeIt()
    {
        const string text = "The harbour authority apologized, saying the ferry had left too early.";
        var found = new List<RawAttribution>
        {
            new() { Source = (0, "The harbour authority".Length), Cue = (text.IndexOf("apologized", StringComparison.Ordinal), text.IndexOf(',', StringComparison.Ordinal)) },
            new() { Cue = (text.IndexOf("saying", StringComparison.Ordinal), text.IndexOf("saying", StringComparison.Ordinal) + 6) },
        };
        NewsRules.Refine(text, found);
        Assert.Equal((0, "The harbour authority".Length), found[1].Source);
        // not across a sentence
        const string two = "The harbour authority apologized. Saying so, the crowd left.";
        found = [new() { Source = (0, 21), Cue = (22, 32) }, new() { Cue = (two.IndexOf("Saying", StringComparison.Ordinal), two.IndexOf("Saying", StringComparison.Ordinal) + 6) }];
        NewsRules.Refine(two, found);
        Assert.Null(found[1].Source);
    }

    [Fact]
    public void CueStartingWithTheSourcesHeadNoun_GivesTheNounBack()
    {
        const string text = "Greece’s foreign ministry apologized to Italy.";
        var found = new List<RawAttribution>
        {
            new() { Source = (0, text.IndexOf(" ministry", StringComparison.Ordinal)), Cue = (text.IndexOf("ministry", StringComparison.Ordinal), text.IndexOf(" to", StringComparison.Ordinal)) },
        };
        NewsRules.Refine(text, found);
        var a = Assert.Single(found);
        Assert.Equal("Greece’s foreign ministry", text[a.Source!.Value.Start..a.Source.Value.End]);
        Assert.Equal("apologized", text[a.Cue.Start..a.Cue.End]);
    }

    [Fact]
    public void Headline_RestatingTheBody_AddsNoDirectEdge_FirstHandOnlyWhereTheTextSaysSo()
    {
        const string text = "Greece Says Port Closed\n\nAccording to Wire Service citing the Greek Foreign Ministry:\n\nThe port was closed at dawn.\n\nCaptain Nikos Pappas told reporters the ferries would wait.\n\nGreek sources said the storm was severe.\n";
        var (edges, chains, yaml) = Draft(text);
        Assert.DoesNotContain("daily -> gr-mfa", edges);
        Assert.Contains("daily -> wire -> gr-mfa", chains);
        // the ministry (government) and the captain ("told reporters") are first-hand; the agency and the unnamed sources are not
        Assert.Contains("first-hand: the text says the source spoke in person (\"told\")", yaml, StringComparison.Ordinal);
        Assert.Contains("first-hand: a government body's own statement", yaml, StringComparison.Ordinal);
        var hops = yaml.Split("- source: ").Skip(1).ToList();
        Assert.Contains(hops, h => h.StartsWith("greek-sources", StringComparison.Ordinal));
        Assert.All(hops.Where(h => h.StartsWith("wire", StringComparison.Ordinal) || h.StartsWith("greek-sources", StringComparison.Ordinal)), h => Assert.DoesNotContain("first-hand: true", h.Split("via:")[0], StringComparison.Ordinal));
    }
}
