using Provenance.Prov;

namespace Provenance.Tests.Prov;

public partial class ProvJsonTests
{
    [Fact]
    public void Import_ForeignDocument_EveryUnmappedRecordListedWithReason()
    {
        const string json = """
            {
              "prefix": {"ex": "https://example.org/", "pv": "https://github.com/provenance-graph/provenance/ns#"},
              "agent": {
                "ex:ap": {"prov:label": "AP", "ex:founded": 1846},
                "ex:bot": {"prov:type": {"$": "prov:SoftwareAgent", "type": "prov:QUALIFIED_NAME"}},
                "ex:both": {},
                "ex:bad id": {}
              },
              "entity": {
                "ex:a": {"prov:type": {"$": "ex:Article", "type": "prov:QUALIFIED_NAME"}},
                "ex:b": [{}, {"prov:label": "again"}],
                "ex:both": {},
                "ex:c": {"prov:type": {"$": "pv:Claim", "type": "prov:QUALIFIED_NAME"}}
              },
              "wasAttributedTo": {
                "_:id1": {"prov:entity": "ex:a", "prov:agent": "ex:ap"},
                "_:id2": {"prov:entity": "ex:a", "prov:agent": "ex:bot"},
                "_:id3": {"prov:entity": "ex:b", "prov:agent": "ex:bot"}
              },
              "wasGeneratedBy": {
                "_:id4": {"prov:entity": "ex:a", "prov:time": "2020-11-09T10:00:00"}
              },
              "wasDerivedFrom": {
                "_:id5": {"prov:generatedEntity": "ex:b", "prov:usedEntity": "ex:a"}
              },
              "bundle": {"ex:bundle1": {}}
            }
            """;

        var result = ImportText(json);

        var expected = new CitationGraphBuilder()
            .AddSource(new Source("ap", "AP", SourceKind.Other))
            .AddSource(new Source("bot", "bot", SourceKind.Other))
            .AddSource(new Source("both", "both", SourceKind.Other))
            .AddReport(new Report("a", "ap", ReportKind.Other))
            .AddReport(new Report("b", "bot", ReportKind.Other))
            .Build();
        Assert.True(expected.ContentEquals(result.Graph));
        Assert.Equal(
            [
                "doc.json:4:35: agent ex:ap ex:founded: this attribute has no counterpart in the model.",
                "doc.json:7:5: agent ex:bad id: source id 'bad id' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters).",
                "doc.json:10:14: entity ex:a prov:type: the type 'ex:Article' has no counterpart in the model.",
                "doc.json:11:18: entity ex:b: a second description of entity 'ex:b'; only the first is read.",
                "doc.json:12:5: entity ex:both: 'ex:both' is also declared as an agent; a citation graph keeps one kind per id.",
                "doc.json:13:5: entity ex:c: a claim needs its text in pv:text (or prov:label).",
                "doc.json:17:5: wasAttributedTo _:id2: report 'a' is already attributed to source 'ap'; a report has one source.",
                "doc.json:21:5: wasGeneratedBy _:id4: its prov:time '2020-11-09T10:00:00' has no UTC offset; a publication time needs one.",
                "doc.json:24:5: wasDerivedFrom _:id5: a citation needs pv:claim, the qualified name of the claim it is for.",
                "doc.json:26:14: bundle ex:bundle1: bundles have no counterpart in a citation graph; only the document's top level is read.",
            ],
            result.Unmapped.Select(u => u.ToString()));
    }

    [Fact]
    public void Import_TimelineErrorGraph_NeedsTheSameOption()
    {
        var options = new GraphBuildOptions { AllowTimelineErrors = true };
        var graph = new CitationGraphBuilder(options)
            .AddSource(new Source("s", "S", SourceKind.Outlet))
            .AddClaim(new Claim("c", "C"))
            .AddReport(new Report("early", "s", ReportKind.Article) { Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) })
            .AddReport(new Report("late", "s", ReportKind.Article) { Published = new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero) })
            .AddAssertion(new Assertion("late", "c", AssertionMode.FirstHand))
            .AddCitation(new Citation("early", "late", "c", CitationKind.Citing))
            .Build();
        var json = graph.ToProvJson();
        var line = json[..json.IndexOf("_:id3", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Throws<GraphValidationException>(() => ImportText(json));

        Assert.Equal($"doc.json:{line}:5: report 'early' (published 2020-01-01T00:00:00+00:00) cites report 'late', published later (2020-01-02T00:00:00+00:00); fix one of the dates or the citation.", error.Message);
        Assert.True(graph.ContentEquals(ImportText(json, options: options).Graph));
    }
}

public partial class ProvJsonTests
{
    [Fact]
    public void Import_TimeOnAnEntity_ListedAsUnmappedAttribute()
    {
        const string json = """
            {"prefix": {"ex": "https://example.org/"},
             "agent": {"ex:ap": {}},
             "entity": {"ex:a": {"prov:time": "2020-01-01T00:00:00Z"}},
             "wasAttributedTo": {"_:id1": {"prov:entity": "ex:a", "prov:agent": "ex:ap"}}}
            """;

        var result = ImportText(json);

        Assert.Equal(["doc.json:3:22: entity ex:a prov:time: this attribute has no counterpart in the model."], result.Unmapped.Select(u => u.ToString()));
        Assert.Equal(new Report("a", "ap", ReportKind.Other), Assert.Single(result.Graph.Reports));
    }
}
