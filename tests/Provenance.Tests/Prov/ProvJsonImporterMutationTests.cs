using System.Text;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

/// <summary>
/// The general PROV-JSON importer's mapping and its diagnostics, one small document per case: every reason a record is
/// listed as unmapped, every structural problem with its exact text, code and position, and the cap on how many are
/// listed. Positions are found in the document's own text (the first occurrence of a marker), not computed by the
/// importer's line map. Aimed at the surviving mutants of ProvJsonImporter.cs (tests/mutation-survivors/Prov.txt).
/// </summary>
public sealed partial class ProvJsonImporterMutationTests
{
    private const string File = "doc.json";

    private const string Typed = "\"type\": \"prov:QUALIFIED_NAME\"";

    private static readonly string Prefixes =
        $"\"prefix\": {{\"ex\": \"https://example.org/\", \"pv\": \"{ProvVocabulary.Namespace}\", \"s\": \"{ProvVocabulary.SourceNamespace}\", " +
        $"\"r\": \"{ProvVocabulary.ReportNamespace}\", \"c\": \"{ProvVocabulary.ClaimNamespace}\", \"a\": \"{ProvVocabulary.AffiliationNamespace}\"}}";

    /// <summary>
    /// A document that maps whole: source tass, affiliation state, reports one and two (both by tass), claim downed, which
    /// report one states first-hand. Each argument is added to its section (starting with ", ") or, for
    /// <paramref name="sections"/>, after the last one.
    /// </summary>
    private static string Doc(string agents = "", string entities = "", string attributions = "", string influences = "", string sections = "") =>
        "{\n" +
        "  " + Prefixes + ",\n" +
        "  \"agent\": {\"s:tass\": {\"prov:label\": \"TASS\"}, \"a:state\": {\"prov:type\": {\"$\": \"pv:Affiliation\", " + Typed + "}}" + agents + "},\n" +
        "  \"entity\": {\"r:one\": {}, \"r:two\": {}, \"c:downed\": {\"pv:text\": \"A helicopter was downed.\", \"prov:type\": {\"$\": \"pv:Claim\", " + Typed + "}}" + entities + "},\n" +
        "  \"wasAttributedTo\": {\"_:a1\": {\"prov:entity\": \"r:one\", \"prov:agent\": \"s:tass\"}, \"_:a2\": {\"prov:entity\": \"r:two\", \"prov:agent\": \"s:tass\"}" + attributions + "},\n" +
        "  \"wasInfluencedBy\": {\"_:i1\": {\"prov:influencee\": \"r:one\", \"prov:influencer\": \"c:downed\", \"pv:mode\": \"first-hand\"}" + influences + "}" + sections + "\n" +
        "}\n";

    private static ProvImportResult Import(string json, GraphBuildOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return ProvJson.Import(stream, File, options);
    }

    /// <summary><c>doc.json:line:column</c> of the first occurrence of <paramref name="marker"/> in <paramref name="json"/>.</summary>
    private static string At(string json, string marker)
    {
        var index = json.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker {marker} is not in the document");
        var lineStart = json.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var line = json.AsSpan(0, index).Count('\n') + 1;
        return $"{File}:{line}:{index - lineStart + 1}";
    }

    private static CitationGraph BaseGraph(Func<CitationGraphBuilder, CitationGraphBuilder>? more = null)
    {
        var builder = new CitationGraphBuilder()
            .AddAffiliation(new Affiliation("state", "state"))
            .AddSource(new Source("tass", "TASS", SourceKind.Other))
            .AddClaim(new Claim("downed", "A helicopter was downed."))
            .AddReport(new Report("one", "tass", ReportKind.Other))
            .AddReport(new Report("two", "tass", ReportKind.Other))
            .AddAssertion(new Assertion("one", "downed", AssertionMode.FirstHand));
        return (more?.Invoke(builder) ?? builder).Build();
    }

    private static void AssertUnmapped(string json, ProvImportResult result, params (string Marker, string Tail)[] expected) =>
        Assert.Equal(expected.Select(e => $"{At(json, e.Marker)}: {e.Tail}"), result.Unmapped.Select(u => u.ToString()));

    private static void AssertProblems(string json, GraphValidationException error, params (string Marker, string Code, string Message)[] expected) =>
        Assert.Equal(
            expected.Select(e => $"{At(json, e.Marker)} {e.Code} {e.Message}"),
            error.Diagnostics.Select(d => $"{d.Location} {d.Code} {d.Message}"));

    [Fact]
    public void Import_BaseDocument_MapsWholeWithNothingUnmapped()
    {
        var result = Import(Doc());

        Assert.Empty(result.Unmapped);
        Assert.True(BaseGraph().ContentEquals(result.Graph));
    }

    // The mapping: records the model has no place for are listed with their reason, never dropped silently.
    public static TheoryData<string, string, string> UnmappedCases => new()
    {
        // Relations whose formal parts name elements of the wrong kind.
        { "derived-from-claim", "{\"_:d\": {\"prov:generatedEntity\": \"c:downed\", \"prov:usedEntity\": \"r:two\"}}", "the generated entity 'c:downed' is not a mapped report." },
        { "derived-a-claim", "{\"_:d\": {\"prov:generatedEntity\": \"r:one\", \"prov:usedEntity\": \"c:downed\"}}", "the used entity 'c:downed' is not a mapped report." },
        { "citation-claim-is-a-report", "{\"_:d\": {\"prov:generatedEntity\": \"r:one\", \"prov:usedEntity\": \"r:two\", \"pv:claim\": {\"$\": \"r:two\", " + Typed + "}}}", "pv:claim names 'r:two', which is not a mapped claim." },
        { "citation-claim-plain-string", "{\"_:d\": {\"prov:generatedEntity\": \"r:one\", \"prov:usedEntity\": \"r:two\", \"pv:claim\": \"c:downed\"}}", "a citation needs pv:claim, the qualified name of the claim it is for." },
        { "citation-claim-twice", "{\"_:d\": {\"prov:generatedEntity\": \"r:one\", \"prov:usedEntity\": \"r:two\", \"pv:claim\": [{\"$\": \"c:downed\", " + Typed + "}, {\"$\": \"c:downed\", " + Typed + "}]}}", "a citation needs pv:claim, the qualified name of the claim it is for." },
    };

    [Theory]
    [MemberData(nameof(UnmappedCases))]
    public void Import_DerivationThatIsNoCitation_ListedWithItsReason(string name, string derivations, string reason)
    {
        var json = Doc(sections: ",\n  \"wasDerivedFrom\": " + derivations);

        var result = Import(json);

        Assert.True(BaseGraph().ContentEquals(result.Graph), name);
        AssertUnmapped(json, result, ("\"_:d\"", "wasDerivedFrom _:d: " + reason));
    }

    [Theory]
    [InlineData("{\"_:x\": {\"prov:influencee\": \"r:two\", \"prov:influencer\": \"c:downed\"}}", "only influences of type pv:Assertion (a report states a claim) have a counterpart in the model.")]
    [InlineData("{\"_:x\": {\"prov:influencee\": \"c:downed\", \"prov:influencer\": \"c:downed\", \"pv:mode\": \"first-hand\"}}", "the influencee 'c:downed' is not a mapped report.")]
    [InlineData("{\"_:x\": {\"prov:influencee\": \"r:two\", \"prov:influencer\": \"r:one\", \"pv:mode\": \"first-hand\"}}", "the influencer 'r:one' is not a mapped claim.")]
    [InlineData("{\"_:x\": {\"prov:influencee\": \"r:two\", \"prov:influencer\": \"c:downed\", \"prov:type\": {\"$\": \"pv:Assertion\", " + Typed + "}}}", "an assertion needs pv:mode (first-hand, attributed, unattributed or unknown).")]
    public void Import_InfluenceThatIsNoAssertion_ListedWithItsReason(string influences, string reason)
    {
        var json = Doc(influences: ", " + influences[1..^1]);

        var result = Import(json);

        Assert.True(BaseGraph().ContentEquals(result.Graph));
        AssertUnmapped(json, result, ("\"_:x\"", "wasInfluencedBy _:x: " + reason));
    }

    [Fact]
    public void Import_AssertionTypedOrByMode_BothMap()
    {
        var json = Doc(influences: ", \"_:x\": {\"prov:influencee\": \"r:two\", \"prov:influencer\": \"c:downed\", \"prov:type\": {\"$\": \"pv:Assertion\", " + Typed + "}, \"pv:mode\": \"unattributed\", \"pv:wording\": \"It fell.\"}");

        var result = Import(json);

        Assert.Empty(result.Unmapped);
        Assert.True(BaseGraph(b => b.AddAssertion(new Assertion("two", "downed", AssertionMode.Unattributed, "It fell."))).ContentEquals(result.Graph));
    }

    [Theory]
    [InlineData("\"_:x\": {\"prov:entity\": \"c:downed\", \"prov:agent\": \"s:tass\"}", "the entity 'c:downed' is not a mapped report.")]
    [InlineData("\"_:x\": {\"prov:entity\": \"r:two\", \"prov:agent\": \"a:state\"}", "the agent 'a:state' is not a mapped source.")]
    public void Import_AttributionThatMapsNothing_ListedWithItsReason(string attribution, string reason)
    {
        var json = Doc(attributions: ", " + attribution);

        var result = Import(json);

        Assert.True(BaseGraph().ContentEquals(result.Graph));
        AssertUnmapped(json, result, ("\"_:x\"", "wasAttributedTo _:x: " + reason));
    }

    [Fact]
    public void Import_AttributionWithAnExtraAttribute_MapsAndListsTheAttribute()
    {
        var json = Doc(entities: ", \"r:three\": {}", attributions: ", \"_:x\": {\"prov:entity\": \"r:three\", \"prov:agent\": \"s:tass\", \"ex:note\": \"n\"}");

        var result = Import(json);

        Assert.True(BaseGraph(b => b.AddReport(new Report("three", "tass", ReportKind.Other))).ContentEquals(result.Graph));
        AssertUnmapped(json, result, ("\"ex:note\"", "wasAttributedTo _:x ex:note: this attribute has no counterpart in the model."));
    }

    [Theory]
    [InlineData("{\"_:x\": {\"prov:delegate\": \"a:state\", \"prov:responsible\": \"a:state\"}}", "the delegate 'a:state' is not a mapped source.")]
    [InlineData("{\"_:x\": {\"prov:delegate\": \"s:tass\", \"prov:responsible\": \"s:tass\"}}", "the responsible agent 's:tass' is not an affiliation (an agent of type pv:Affiliation).")]
    public void Import_DelegationThatMapsNothing_ListedWithItsReason(string delegations, string reason)
    {
        var json = Doc(sections: ",\n  \"actedOnBehalfOf\": " + delegations);

        var result = Import(json);

        Assert.True(BaseGraph().ContentEquals(result.Graph));
        AssertUnmapped(json, result, ("\"_:x\"", "actedOnBehalfOf _:x: " + reason));
    }

    [Fact]
    public void Import_Delegation_SetsTheAffiliationOnceListsTheSecondAndTheActivity()
    {
        var json = Doc(agents: ", \"a:other\": {\"prov:type\": {\"$\": \"pv:Affiliation\", " + Typed + "}}", sections:
            ",\n  \"activity\": {\"ex:act\": {}},\n" +
            "  \"actedOnBehalfOf\": {\"_:x\": {\"prov:delegate\": \"s:tass\", \"prov:responsible\": \"a:state\", \"prov:activity\": \"ex:act\", \"ex:why\": \"w\"}, " +
            "\"_:y\": {\"prov:delegate\": \"s:tass\", \"prov:responsible\": \"a:other\"}}");

        var result = Import(json);

        var expected = new CitationGraphBuilder()
            .AddAffiliation(new Affiliation("state", "state"))
            .AddAffiliation(new Affiliation("other", "other"))
            .AddSource(new Source("tass", "TASS", SourceKind.Other) { Affiliation = "state" })
            .AddClaim(new Claim("downed", "A helicopter was downed."))
            .AddReport(new Report("one", "tass", ReportKind.Other))
            .AddReport(new Report("two", "tass", ReportKind.Other))
            .AddAssertion(new Assertion("one", "downed", AssertionMode.FirstHand))
            .Build();
        Assert.True(expected.ContentEquals(result.Graph));
        AssertUnmapped(
            json,
            result,
            ("\"ex:act\"", "activity ex:act: activities have no counterpart in a citation graph."),
            ("\"prov:activity\": \"ex:act\"", "actedOnBehalfOf _:x prov:activity: this relation's part has no counterpart in the model."),
            ("\"ex:why\"", "actedOnBehalfOf _:x ex:why: this attribute has no counterpart in the model."),
            ("\"_:y\"", "actedOnBehalfOf _:y: source 'tass' already acts on behalf of affiliation 'state'; a source has one affiliation."));
    }

    [Fact]
    public void Import_Generations_FirstTimeIsThePublicationTheRestListed()
    {
        var json = Doc(sections:
            ",\n  \"wasGeneratedBy\": {" +
            "\"_:g1\": {\"prov:entity\": \"r:one\", \"prov:time\": \"2020-11-09T13:00:00+03:00\"}, " +
            "\"_:g2\": {\"prov:entity\": \"r:one\", \"prov:time\": \"2020-11-10T13:00:00+03:00\"}, " +
            "\"_:g3\": {\"prov:entity\": \"r:two\"}, " +
            "\"_:g4\": {\"prov:entity\": \"c:downed\", \"prov:time\": \"2020-11-09T13:00:00Z\"}, " +
            "\"_:g5\": {\"prov:entity\": \"r:two\", \"prov:time\": [\"2020-11-11T08:30:00-05:00\"], \"ex:by\": \"x\"}}");

        var result = Import(json);

        var expected = BaseGraph();
        var one = expected.Reports.Single(r => r.Id == "one") with { Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(3)) };
        var two = expected.Reports.Single(r => r.Id == "two") with { Published = new DateTimeOffset(2020, 11, 11, 8, 30, 0, TimeSpan.FromHours(-5)) };
        Assert.Equal([one, two], result.Graph.Reports);
        AssertUnmapped(
            json,
            result,
            ("\"_:g2\"", "wasGeneratedBy _:g2: report 'one' already has a generation time."),
            ("\"_:g3\"", "wasGeneratedBy _:g3: it has no prov:time, the only part of a generation the model keeps (as the report's publication time)."),
            ("\"_:g4\"", "wasGeneratedBy _:g4: the entity 'c:downed' is not a mapped report."),
            ("\"ex:by\"", "wasGeneratedBy _:g5 ex:by: this attribute has no counterpart in the model."));
    }

    [Theory]
    [InlineData("used", "{\"_:u\": {\"prov:activity\": \"ex:act\", \"prov:entity\": \"r:one\"}}")]
    [InlineData("wasInformedBy", "{\"_:u\": {\"prov:informed\": \"ex:act\", \"prov:informant\": \"ex:act\"}}")]
    [InlineData("specializationOf", "{\"_:u\": {\"prov:specificEntity\": \"r:one\", \"prov:generalEntity\": \"r:two\"}}")]
    [InlineData("hadMember", "{\"_:u\": {\"prov:collection\": \"r:one\", \"prov:entity\": \"r:two\"}}")]
    public void Import_RelationWithNoCounterpart_ListedByType(string type, string records)
    {
        var json = Doc(sections: ",\n  \"activity\": {\"ex:act\": {}},\n  \"" + type + "\": " + records);

        var result = Import(json);

        Assert.True(BaseGraph().ContentEquals(result.Graph));
        AssertUnmapped(
            json,
            result,
            ("\"ex:act\"", "activity ex:act: activities have no counterpart in a citation graph."),
            ("\"_:u\"", $"{type} _:u: {type} relations have no counterpart in a citation graph."));
    }

    [Fact]
    public void Import_CitationKinds_FromKindOrQuotationTypeOtherwiseCiting()
    {
        var json = Doc(
            entities: ", \"r:three\": {}, \"r:four\": {}",
            attributions: ", \"_:t3\": {\"prov:entity\": \"r:three\", \"prov:agent\": \"s:tass\"}, \"_:t4\": {\"prov:entity\": \"r:four\", \"prov:agent\": \"s:tass\"}",
            sections:
                ",\n  \"wasDerivedFrom\": {" +
                "\"_:d1\": {\"prov:generatedEntity\": \"r:two\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}, \"prov:type\": {\"$\": \"prov:Quotation\", " + Typed + "}, \"pv:evidence\": \"e1\"}, " +
                "\"_:d2\": {\"prov:generatedEntity\": \"r:three\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}, \"pv:kind\": \"paraphrase\", \"pv:hedge\": \"alleged\", \"prov:type\": {\"$\": \"prov:Quotation\", " + Typed + "}}, " +
                "\"_:d3\": {\"prov:generatedEntity\": \"r:four\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}, \"prov:type\": {\"$\": \"prov:Revision\", " + Typed + "}}}");

        var result = Import(json);

        Assert.Empty(result.Unmapped);
        Assert.Equal(
            [
                new Citation("two", "one", "downed", CitationKind.DirectQuote, Hedge.None, "e1"),
                new Citation("three", "one", "downed", CitationKind.Paraphrase, Hedge.Alleged, null),
                new Citation("four", "one", "downed", CitationKind.Citing, Hedge.None, null),
            ],
            result.Graph.Citations);
    }

    [Fact]
    public void Import_CitationParts_ActivityGenerationUsageAndForeignTypesListed()
    {
        var json = Doc(sections:
            ",\n  \"activity\": {\"ex:act\": {}},\n" +
            "  \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"r:two\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}, " +
            "\"prov:activity\": \"ex:act\", \"prov:generation\": \"ex:act\", \"prov:usage\": \"ex:act\", \"prov:type\": [{\"$\": \"prov:PrimarySource\", " + Typed + "}, {\"$\": \"ex:Leak\", " + Typed + "}], \"ex:extra\": 1}}");

        var result = Import(json);

        Assert.Equal([new Citation("two", "one", "downed", CitationKind.Citing, Hedge.None, null)], result.Graph.Citations);
        AssertUnmapped(
            json,
            result,
            ("\"ex:act\"", "activity ex:act: activities have no counterpart in a citation graph."),
            ("\"prov:activity\": \"ex:act\"", "wasDerivedFrom _:d prov:activity: this relation's part has no counterpart in the model."),
            ("\"prov:generation\"", "wasDerivedFrom _:d prov:generation: this relation's part has no counterpart in the model."),
            ("\"prov:usage\"", "wasDerivedFrom _:d prov:usage: this relation's part has no counterpart in the model."),
            ("\"prov:type\": [", "wasDerivedFrom _:d prov:type: the type 'ex:Leak' has no counterpart in the model."),
            ("\"ex:extra\"", "wasDerivedFrom _:d ex:extra: this attribute has no counterpart in the model."));
    }

    [Fact]
    public void Import_SourceAttributes_KindFromPvKindOrPersonTypeAliasesInNumberOrder()
    {
        var json = Doc(agents:
            ", \"s:ap\": {\"pv:kind\": \"news-agency\", \"prov:type\": {\"$\": \"prov:Person\", " + Typed + "}, \"pv:country\": \"US\", \"pv:url\": \"https://apnews.com\", " +
            "\"pv:alias_10\": \"ten\", \"pv:alias_2\": \"two\", \"pv:alias_123456789\": \"nine digits\"}" +
            ", \"s:jo\": {\"prov:type\": [{\"$\": \"prov:Person\", " + Typed + "}, \"prov:Organization\"]}" +
            ", \"s:odd\": {\"pv:alias_01\": \"lead zero\", \"pv:alias_\": \"no number\", \"pv:alias_1234567890\": \"ten digits\", \"pv:alias_1x\": \"not a number\", \"pv:alias_3\": {\"$\": \"1\", \"type\": \"xsd:int\"}, \"prov:label\": [\"a\", \"b\"]}");

        var result = Import(json);

        Assert.Equal(
            [
                new Source("tass", "TASS", SourceKind.Other),
                new Source("ap", "ap", SourceKind.NewsAgency) { Aliases = ["two", "ten", "nine digits"], Country = "US", Url = "https://apnews.com" },
                new Source("jo", "jo", SourceKind.Person),
                new Source("odd", "odd", SourceKind.Other),
            ],
            result.Graph.Sources);
        AssertUnmapped(
            json,
            result,
            ("\"prov:type\": [{\"$\": \"prov:Person\", " + Typed + "}, \"prov:Organization\"]", "agent s:jo prov:type: the type 'prov:Organization' has no counterpart in the model."),
            ("\"pv:alias_01\"", "agent s:odd pv:alias_01: this attribute has no counterpart in the model."),
            ("\"pv:alias_\"", "agent s:odd pv:alias_: this attribute has no counterpart in the model."),
            ("\"pv:alias_1234567890\"", "agent s:odd pv:alias_1234567890: this attribute has no counterpart in the model."),
            ("\"pv:alias_1x\"", "agent s:odd pv:alias_1x: this attribute has no counterpart in the model."),
            ("\"pv:alias_3\"", "agent s:odd pv:alias_3: expected one string value."),
            ("\"prov:label\": [", "agent s:odd prov:label: expected one string value."));
    }

    [Fact]
    public void Import_ElementIds_FromTheNamespaceOrTheLocalPartEachTakenOnce()
    {
        var json = Doc(agents: ", \"ex:tass\": {}, \"ex:wire\": {}, \"ex:bad%\": {}", entities: ", \"ex:one\": {}");

        var result = Import(json);

        Assert.Equal(["tass", "wire"], result.Graph.Sources.Select(s => s.Id));
        AssertUnmapped(
            json,
            result,
            ("\"ex:tass\"", "agent ex:tass: another source already has the id 'tass'."),
            ("\"ex:bad%\"", "agent ex:bad%: source id 'bad%' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters)."),
            ("\"ex:one\"", "entity ex:one: another report already has the id 'one'."));
    }

    [Fact]
    public void Import_ClaimsAndAffiliations_TheirAttributesAndContradictions()
    {
        var json = Doc(
            agents: ", \"a:gov\": {\"prov:type\": [{\"$\": \"pv:Affiliation\", " + Typed + "}, {\"$\": \"prov:Organization\", " + Typed + "}], \"prov:label\": \"Government\", \"pv:description\": \"The state.\", \"ex:seat\": \"Moscow\"}",
            entities:
                ", \"c:held\": {\"prov:label\": \"It was shot down.\", \"prov:type\": {\"$\": \"pv:Claim\", " + Typed + "}, \"pv:contradicts_2\": {\"$\": \"c:downed\", " + Typed + "}, \"pv:contradicts_1\": \"c:downed\"}" +
                ", \"c:both\": {\"pv:text\": \"Text.\", \"prov:label\": \"Label.\", \"prov:type\": {\"$\": \"pv:Claim\", " + Typed + "}}");

        var result = Import(json);

        Assert.Equal(
            [new Affiliation("state", "state"), new Affiliation("gov", "Government") { Description = "The state." }],
            result.Graph.Affiliations);
        Assert.Equal(
            [new Claim("downed", "A helicopter was downed."), new Claim("held", "It was shot down.") { Contradicts = ["downed"] }, new Claim("both", "Text.")],
            result.Graph.Claims);
        AssertUnmapped(
            json,
            result,
            ("\"ex:seat\"", "agent a:gov ex:seat: this attribute has no counterpart in the model."),
            ("\"pv:contradicts_1\"", "entity c:held pv:contradicts_1: expected one qualified name of a mapped claim."),
            ("\"prov:label\": \"Label.\"", "entity c:both prov:label: this attribute has no counterpart in the model."));
    }

    [Fact]
    public void Import_ReportAttributesAndCitedIn_MappedOrListed()
    {
        var json = Doc(
            entities:
                ", \"r:three\": {\"pv:kind\": \"article\", \"prov:label\": \"Title\", \"pv:url\": \"https://t.example\", \"pv:language\": \"ru\", \"prov:type\": {\"$\": \"pv:Report\", " + Typed + "}, \"ex:x\": 1}" +
                ", \"r:three~tass\": {\"pv:citedIn\": {\"$\": \"r:three\", " + Typed + "}, \"prov:type\": {\"$\": \"pv:ImplicitReport\", " + Typed + "}}" +
                ", \"r:bad~a\": {\"pv:citedIn\": [\"r:three\"]}" +
                ", \"r:fine\": {\"pv:citedIn\": \"r:three\"}" +
                ", \"r:p~x\": {\"pv:citedIn\": {\"$\": \"r:q~x\", " + Typed + "}}" +
                ", \"r:q~x\": {\"pv:citedIn\": {\"$\": \"c:downed\", " + Typed + "}}" +
                ", \"r:no~x\": {}",
            attributions:
                ", \"_:t3\": {\"prov:entity\": \"r:three\", \"prov:agent\": \"s:tass\"}, \"_:t4\": {\"prov:entity\": \"r:three~tass\", \"prov:agent\": \"s:tass\"}" +
                ", \"_:t5\": {\"prov:entity\": \"r:bad~a\", \"prov:agent\": \"s:tass\"}, \"_:t6\": {\"prov:entity\": \"r:p~x\", \"prov:agent\": \"s:tass\"}" +
                ", \"_:t7\": {\"prov:entity\": \"r:q~x\", \"prov:agent\": \"s:tass\"}, \"_:t8\": {\"prov:entity\": \"r:no~x\", \"prov:agent\": \"s:tass\"}" +
                ", \"_:t9\": {\"prov:entity\": \"r:fine\", \"prov:agent\": \"s:tass\"}");

        var result = Import(json);

        Assert.Equal(
            [
                new Report("one", "tass", ReportKind.Other),
                new Report("two", "tass", ReportKind.Other),
                new Report("three", "tass", ReportKind.Article) { Title = "Title", Url = "https://t.example", Language = "ru" },
                new Report("three~tass", "tass", ReportKind.Other) { CitedIn = "three" },
                new Report("fine", "tass", ReportKind.Other),
            ],
            result.Graph.Reports);
        AssertUnmapped(
            json,
            result,
            ("\"ex:x\"", "entity r:three ex:x: this attribute has no counterpart in the model."),
            ("\"r:bad~a\"", "entity r:bad~a: report id 'bad~a' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters)."),
            ("\"pv:citedIn\": \"r:three\"", "entity r:fine pv:citedIn: expected one qualified name (the report that cites this one)."),
            ("\"r:p~x\"", "entity r:p~x: pv:citedIn names 'r:q~x', which is not a mapped report."),
            ("\"r:q~x\": {", "entity r:q~x: pv:citedIn names 'c:downed', which is not a mapped report."),
            ("\"r:no~x\"", "entity r:no~x: report id 'no~x' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters)."),
            ("\"_:t5\"", "wasAttributedTo _:t5: the entity 'r:bad~a' is not a mapped report."),
            ("\"_:t8\"", "wasAttributedTo _:t8: the entity 'r:no~x' is not a mapped report."));
    }

    [Fact]
    public void Import_Bundles_EachListedTheRestRead()
    {
        var json = Doc(sections: ",\n  \"bundle\": {\"ex:b1\": {\"entity\": {}}, \"ex:b2\": {}}");

        var result = Import(json);

        Assert.True(BaseGraph().ContentEquals(result.Graph));
        AssertUnmapped(
            json,
            result,
            ("\"ex:b1\"", "bundle ex:b1: bundles have no counterpart in a citation graph; only the document's top level is read."),
            ("\"ex:b2\"", "bundle ex:b2: bundles have no counterpart in a citation graph; only the document's top level is read."));
    }

    [Fact]
    public void Import_DefaultNamespace_ResolvesNamesWithoutAPrefix()
    {
        var json = "{\"prefix\": {\"default\": \"" + ProvVocabulary.SourceNamespace + "\", \"r\": \"" + ProvVocabulary.ReportNamespace + "\"},\n" +
            " \"agent\": {\"tass\": {}}, \"entity\": {\"r:one\": {}}, \"wasAttributedTo\": {\"_:a\": {\"prov:entity\": \"r:one\", \"prov:agent\": \"tass\"}}}";

        var result = Import(json);

        Assert.Empty(result.Unmapped);
        Assert.Equal([new Source("tass", "tass", SourceKind.Other)], result.Graph.Sources);
        Assert.Equal([new Report("one", "tass", ReportKind.Other)], result.Graph.Reports);
    }

    [Fact]
    public void Import_SeveralRecordsUnderOneId_EachRead()
    {
        var json = Doc(
            entities: ", \"r:three\": {}",
            attributions: ", \"_:t3\": {\"prov:entity\": \"r:three\", \"prov:agent\": \"s:tass\"}",
            sections: ",\n  \"wasDerivedFrom\": {\"_:d\": [" +
            "{\"prov:generatedEntity\": \"r:two\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}}, " +
            "{\"prov:generatedEntity\": \"r:three\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}, \"pv:kind\": \"paraphrase\"}]}");

        var result = Import(json);

        Assert.Empty(result.Unmapped);
        Assert.Equal([CitationKind.Citing, CitationKind.Paraphrase], result.Graph.Citations.Select(c => c.Kind));
    }

    // The structure: problems are errors, all of them listed in file order with code and position.
    public static TheoryData<string, string, string, string, string> ProblemCases => new()
    {
        { "prefix-array", "{\"prefix\": [],\n \"entity\": {}}", "[]", "structure", "expected an object of prefix: namespace URI pairs at $.prefix, found an array." },
        { "prefix-number", "{\"prefix\": {\"ex\": 5}}", "5", "structure", "expected a namespace URI string at $.prefix.ex, found a number." },
        { "prefix-blank", "{\"prefix\": {\"ex\": \" \"}}", "\" \"", "structure", "expected a namespace URI string at $.prefix.ex, found a string." },
        { "bundle-array", "{\"bundle\": [1]}", "[1]", "structure", "expected an object of bundles at $.bundle, found an array." },
        { "unknown-type-no-suggestion", "{\"zzzzzzzzzz\": {}}", "\"zzzzzzzzzz\"", "unknown-type", "unknown record type 'zzzzzzzzzz'; use one of entity, activity, agent, a relation such as wasDerivedFrom, prefix or bundle." },
        { "unknown-type-suggestion", "{\"wasDerivedFrm\": {}}", "\"wasDerivedFrm\"", "unknown-type", "unknown record type 'wasDerivedFrm'; did you mean 'wasDerivedFrom'?" },
        { "relation-section-array", "{\"wasDerivedFrom\": []}", "[]", "structure", "expected an object of wasDerivedFrom records at $.wasDerivedFrom, found an array." },
        { "relation-record-string", "{\"used\": {\"_:u\": \"x\"}}", "\"x\"", "structure", "expected an object (the attributes of used '_:u') at $.used._:u, found a string." },
        { "blank-element", "{\"entity\": {\"_:b\": {}}}", "\"_:b\"", "structure", "element id '_:b' at $.entity._:b is a blank node id; an entity, activity or agent needs a qualified name." },
        { "no-prefix", "{\"entity\": {\"plain\": {}}}", "\"plain\"", "unknown-prefix", "'plain' at $.entity.plain has no prefix and the document declares no default namespace; write it as prefix:name." },
        { "undeclared-prefix", "{\"entity\": {\"ex:a\": {}}}", "\"ex:a\"", "unknown-prefix", "'ex:a' at $.entity.ex:a uses the prefix 'ex', which is not declared; declare it under \"prefix\"." },
        { "formal-number", "{\"used\": {\"_:u\": {\"prov:activity\": 7}}}", "7", "structure", "expected a qualified name string at $.used._:u.prov:activity, found a number." },
        { "time-number", "{\"used\": {\"_:u\": {\"prov:time\": true}}}", "true", "structure", "expected an xsd:dateTime string at $.used._:u.prov:time, found a boolean." },
        { "time-two-values", "{\"used\": {\"_:u\": {\"prov:time\": [\"a\", \"b\"]}}}", "[", "structure", "expected an xsd:dateTime string at $.used._:u.prov:time, found an array." },
        { "time-bad", "{\"activity\": {\"prov:x\": {\"prov:startTime\": \"yesterday\"}}}", "\"yesterday\"", "invalid-date", "date 'yesterday' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00." },
        { "missing-formal", "{\"entity\": {\"prov:a\": {}}, \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"prov:a\"}}}", "\"_:d\"", "structure", "the relation at $.wasDerivedFrom._:d has no 'prov:usedEntity'; every relation of its type names it." },
        { "typed-extra-key", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": \"1\", \"unit\": \"m\"}}}}", "\"unit\"", "structure", "expected only \"$\", \"type\" and \"lang\" in a typed value at $.entity.prov:a.prov:n.unit, found 'unit'." },
        { "typed-type-number", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": \"1\", \"type\": 3}}}}", "3", "structure", "expected a qualified name string at $.entity.prov:a.prov:n.type, found a number." },
        { "typed-type-undeclared", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": \"1\", \"type\": \"ex:t\"}}}}", "\"ex:t\"", "unknown-prefix", "'ex:t' at $.entity.prov:a.prov:n.type uses the prefix 'ex', which is not declared; declare it under \"prefix\"." },
        { "typed-null", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": null}}}}", "{\"$\"", "structure", "expected a typed value {\"$\": ..., \"type\": ...} at $.entity.prov:a.prov:n.$, found null." },
        { "typed-object", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": {}}}}}", "{\"$\"", "structure", "expected a typed value {\"$\": ..., \"type\": ...} at $.entity.prov:a.prov:n.$, found an object." },
        { "typed-qname-undeclared", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": \"ex:b\", \"type\": \"prov:QUALIFIED_NAME\"}}}}", "\"ex:b\"", "unknown-prefix", "'ex:b' at $.entity.prov:a.prov:n.$ uses the prefix 'ex', which is not declared; declare it under \"prefix\"." },
        { "typed-xsd-qname-undeclared", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": \"ex:b\", \"type\": \"xsd:QName\"}}}}", "\"ex:b\"", "unknown-prefix", "'ex:b' at $.entity.prov:a.prov:n.$ uses the prefix 'ex', which is not declared; declare it under \"prefix\"." },
        { "typed-datetime-bad", "{\"entity\": {\"prov:a\": {\"prov:n\": {\"$\": \"soon\", \"type\": \"xsd:dateTime\"}}}}", "\"soon\"", "invalid-date", "date 'soon' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00." },
        { "value-null", "{\"entity\": {\"prov:a\": {\"prov:n\": null}}}", "null", "structure", "expected a string, number, boolean or typed value at $.entity.prov:a.prov:n, found null." },
        { "value-nested-array", "{\"entity\": {\"prov:a\": {\"prov:n\": [[1]]}}}", "[1]", "structure", "expected a string, number, boolean or typed value at $.entity.prov:a.prov:n[0], found an array." },
        { "attribute-undeclared", "{\"entity\": {\"prov:a\": {\"ex:n\": 1}}}", "\"ex:n\"", "unknown-prefix", "'ex:n' at $.entity.prov:a.ex:n uses the prefix 'ex', which is not declared; declare it under \"prefix\"." },
        { "reference-unknown", "{\"entity\": {\"prov:abc\": {}}, \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"prov:abc\", \"prov:usedEntity\": \"prov:abd\"}}}", "\"prov:abd\"", "unknown-reference", "unknown entity, activity or agent 'prov:abd'; did you mean 'prov:abc'?" },
        { "reference-unknown-no-suggestion", "{\"entity\": {\"prov:abc\": {}}, \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"prov:abc\", \"prov:usedEntity\": \"prov:zzzzzz\"}}}", "\"prov:zzzzzz\"", "unknown-reference", "unknown entity, activity or agent 'prov:zzzzzz'; define it or fix the reference." },
        { "unknown-type-with-records", "{\"wasRevisedBy\": {\"_:r\": {\"prov:entity\": \"x\"}}}", "\"wasRevisedBy\"", "unknown-type", "unknown record type 'wasRevisedBy'; use one of entity, activity, agent, a relation such as wasDerivedFrom, prefix or bundle." },
        { "element-section-array-of-records", "{\"entity\": [{\"ex:a\": {}}]}", "[", "structure", "expected an object of entity records at $.entity, found an array." },
        { "prefix-array-of-strings", "{\"prefix\": [\"https://example.org/\"]}", "[", "structure", "expected an object of prefix: namespace URI pairs at $.prefix, found an array." },
        { "empty-prefix", "{\"entity\": {\":a\": {}}}", "\":a\"", "unknown-prefix", "':a' at $.entity.:a uses the prefix '', which is not declared; declare it under \"prefix\"." },
    };

    [Theory]
    [MemberData(nameof(ProblemCases))]
    public void Import_StructureProblem_ExactCodeMessageAndPosition(string name, string json, string marker, string code, string message)
    {
        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        Assert.True(error.Diagnostics.Length == 1, $"{name}: {error.Message}");
        AssertProblems(json, error, (marker, code, message));
    }

    [Fact]
    public void Import_PvReferenceToAnUndeclaredRecord_IsAnError()
    {
        var json = Doc(sections: ",\n  \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"r:two\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downd\", " + Typed + "}, \"ex:see\": {\"$\": \"r:nowhere\", " + Typed + "}}}");

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        AssertProblems(json, error, ("{\"$\": \"c:downd\"", "unknown-reference", "unknown entity, activity or agent 'c:downd'; did you mean 'c:downed'?"));
    }

    [Theory]
    [InlineData("agent", "\"s:ap\": {\"pv:kind\": \"newsagency\"}", "\"newsagency\"", "unknown source kind 'newsagency'; did you mean 'news-agency'? Use one of ")]
    [InlineData("entity", "\"r:three\": {\"pv:kind\": \"zzzzzzzzzzzz\"}", "\"zzzzzzzzzzzz\"", "unknown report kind 'zzzzzzzzzzzz'; use one of ")]
    [InlineData("influence", "\"_:x\": {\"prov:influencee\": \"r:two\", \"prov:influencer\": \"c:downed\", \"pv:mode\": \"firsthand\"}", "\"firsthand\"", "unknown assertion mode 'firsthand'; did you mean 'first-hand'? Use one of ")]
    [InlineData("derivation", "\"_:d\": {\"prov:generatedEntity\": \"r:two\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}, \"pv:kind\": \"quote\"}", "\"quote\"", "unknown citation kind 'quote'; ")]
    [InlineData("derivation", "\"_:d\": {\"prov:generatedEntity\": \"r:two\", \"prov:usedEntity\": \"r:one\", \"pv:claim\": {\"$\": \"c:downed\", " + Typed + "}, \"pv:hedge\": \"alledged\"}", "\"alledged\"", "unknown hedge 'alledged'; did you mean 'alleged'? Use one of ")]
    public void Import_UnknownEnumValue_IsAnErrorWithTheValidValues(string where, string record, string marker, string start)
    {
        var json = where switch
        {
            "agent" => Doc(agents: ", " + record),
            "entity" => Doc(entities: ", " + record, attributions: ", \"_:t\": {\"prov:entity\": \"r:three\", \"prov:agent\": \"s:tass\"}"),
            "influence" => Doc(influences: ", " + record),
            _ => Doc(sections: ",\n  \"wasDerivedFrom\": {" + record + "}"),
        };

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        var d = Assert.Single(error.Diagnostics);
        Assert.Equal((At(json, marker), "unknown-enum"), (d.Location?.ToString(), d.Code));
        Assert.StartsWith(start, d.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SeveralProblems_SortedByLineThenColumnThenOrderFound()
    {
        // Found in this order: the reference on line 3 (checked after every record is read) after the prefix problems on line 4.
        var json = "{\"entity\": {\"prov:a\": {}},\n" +
            " \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"prov:a\", \"prov:usedEntity\": \"prov:b\"}},\n" +
            " \"agent\": {\"ex:x\": {}, \"ex:y\": {}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        AssertProblems(
            json,
            error,
            ("\"prov:b\"", "unknown-reference", "unknown entity, activity or agent 'prov:b'; did you mean 'prov:a'?"),
            ("\"ex:x\"", "unknown-prefix", "'ex:x' at $.agent.ex:x uses the prefix 'ex', which is not declared; declare it under \"prefix\"."),
            ("\"ex:y\"", "unknown-prefix", "'ex:y' at $.agent.ex:y uses the prefix 'ex', which is not declared; declare it under \"prefix\"."));
    }

    [Fact]
    public void Import_MoreThanAHundredProblems_FirstHundredListedThenTheCap()
    {
        var json = "{\"entity\": {" + string.Join(", ", Enumerable.Range(0, 150).Select(i => $"\"ex:e{i}\": {{}}")) + "}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        Assert.Equal(101, error.Diagnostics.Length);
        Assert.Equal($"{At(json, "\"ex:e99\"")} 'ex:e99' at $.entity.ex:e99 uses the prefix 'ex', which is not declared; declare it under \"prefix\".", $"{error.Diagnostics[99].Location} {error.Diagnostics[99].Message}");
        Assert.Equal(new GraphDiagnostic(null, "limit", "more than 100 problems; only the first 100 are listed."), error.Diagnostics[100]);
    }

    [Fact]
    public void Import_ExactlyAHundredProblems_AllListedNoCap()
    {
        var json = "{\"entity\": {" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"ex:e{i}\": {{}}")) + "}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        Assert.Equal(100, error.Diagnostics.Length);
        Assert.All(error.Diagnostics, d => Assert.Equal("unknown-prefix", d.Code));
    }

    [Fact]
    public void Import_ManyProblems_NoSuggestionsOnceTheCapIsReached()
    {
        var json = "{\"entity\": {\"prov:abc\": {}, " + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"ex:e{i}\": {{}}")) + "},\n" +
            " \"wasDerivedFrom\": {\"_:d\": {\"prov:generatedEntity\": \"prov:abc\", \"prov:usedEntity\": \"prov:abd\"}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        Assert.Equal(101, error.Diagnostics.Length);
        Assert.DoesNotContain(error.Diagnostics, d => d.Message.Contains("did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_ByteOrderMark_IsSkippedPositionsUnchanged()
    {
        var json = "{\"entity\": {\"ex:a\": {}}}";
        var data = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        var error = Assert.Throws<GraphValidationException>(() => ProvJson.Import(new MemoryStream(data), File));

        Assert.Equal($"{File}:1:13", error.Diagnostics[0].Location?.ToString());
    }

    [Fact]
    public void Import_TopLevelNotAnObject_OneProblemAtTheStart()
    {
        var error = Assert.Throws<GraphValidationException>(() => Import("  \"text\""));

        AssertProblems("  \"text\"", error, ("\"text\"", "structure", "expected an object (a PROV-JSON document) at $, found a string."));
    }
}
