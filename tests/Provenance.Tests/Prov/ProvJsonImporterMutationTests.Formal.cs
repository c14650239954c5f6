namespace Provenance.Tests.Prov;

/// <summary>
/// The importer's tables of PROV-JSON's formal attributes (which relation names which records, which are required, which
/// records carry a time), checked against the PROV-JSON submission's own lists written out here; and the mapping's
/// remaining edges: problems found at one position, a duplicate in an otherwise mappable document, sections and
/// prefixes that are not objects, empty prefixes, typed labels, foreign types and extra attributes on each kind.
/// </summary>
public sealed partial class ProvJsonImporterMutationTests
{
    /// <summary>From the PROV-JSON submission: each relation and its formal attributes that name another record.</summary>
    private static readonly (string Relation, string[] References)[] SpecRelations =
    [
        ("wasGeneratedBy", ["prov:entity", "prov:activity"]),
        ("used", ["prov:activity", "prov:entity"]),
        ("wasInformedBy", ["prov:informed", "prov:informant"]),
        ("wasStartedBy", ["prov:activity", "prov:trigger", "prov:starter"]),
        ("wasEndedBy", ["prov:activity", "prov:trigger", "prov:ender"]),
        ("wasInvalidatedBy", ["prov:entity", "prov:activity"]),
        ("wasDerivedFrom", ["prov:generatedEntity", "prov:usedEntity", "prov:activity", "prov:generation", "prov:usage"]),
        ("wasAttributedTo", ["prov:entity", "prov:agent"]),
        ("wasAssociatedWith", ["prov:activity", "prov:agent", "prov:plan"]),
        ("actedOnBehalfOf", ["prov:delegate", "prov:responsible", "prov:activity"]),
        ("wasInfluencedBy", ["prov:influencee", "prov:influencer"]),
        ("specializationOf", ["prov:specificEntity", "prov:generalEntity"]),
        ("alternateOf", ["prov:alternate1", "prov:alternate2"]),
        ("hadMember", ["prov:collection", "prov:entity"]),
        ("mentionOf", ["prov:specificEntity", "prov:generalEntity", "prov:bundle"]),
    ];

    public static TheoryData<string, string> FormalReferences()
    {
        var data = new TheoryData<string, string>();
        foreach (var (relation, references) in SpecRelations)
        {
            foreach (var name in references)
            {
                data.Add(relation, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormalReferences))]
    public void Import_FormalReferenceNotAName_IsAStructureProblemAtTheValue(string relation, string name)
    {
        var json = "{\"" + relation + "\": {\"_:r\": {\"" + name + "\": 7}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        Assert.Contains(
            $"{At(json, "7")} structure expected a qualified name string at $.{relation}._:r.{name}, found a number.",
            error.Diagnostics.Select(d => $"{d.Location} {d.Code} {d.Message}"));
    }

    [Theory]
    [InlineData("wasGeneratedBy", "prov:entity", "")]
    [InlineData("wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity")]
    [InlineData("wasDerivedFrom", "prov:usedEntity", "prov:generatedEntity")]
    [InlineData("wasAttributedTo", "prov:entity", "prov:agent")]
    [InlineData("wasAttributedTo", "prov:agent", "prov:entity")]
    [InlineData("actedOnBehalfOf", "prov:delegate", "prov:responsible")]
    [InlineData("actedOnBehalfOf", "prov:responsible", "prov:delegate")]
    [InlineData("wasInfluencedBy", "prov:influencee", "prov:influencer")]
    [InlineData("wasInfluencedBy", "prov:influencer", "prov:influencee")]
    public void Import_RequiredFormalMissing_NamedOnce_OneGivenInAnotherFormIsNotMissing(string relation, string missing, string given)
    {
        // The one given is a number: a problem of its own, but it is there, so it is not also missing.
        var json = "{\"" + relation + "\": {\"_:r\": {" + (given == "" ? "" : "\"" + given + "\": 7") + "}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        var missingProblems = error.Diagnostics.Where(d => d.Message.StartsWith("the relation at", StringComparison.Ordinal)).Select(d => $"{d.Location} {d.Message}");
        Assert.Equal([$"{At(json, "\"_:r\"")} the relation at $.{relation}._:r has no '{missing}'; every relation of its type names it."], missingProblems);
    }

    [Fact]
    public void Import_RequiredFormalGivenButUndeclared_OnlyThePrefixProblem()
    {
        var json = "{\"wasAttributedTo\": {\"_:r\": {\"prov:entity\": \"zz:a\", \"prov:agent\": \"zz:b\"}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        AssertProblems(
            json,
            error,
            ("\"zz:a\"", "unknown-prefix", "'zz:a' at $.wasAttributedTo._:r.prov:entity uses the prefix 'zz', which is not declared; declare it under \"prefix\"."),
            ("\"zz:b\"", "unknown-prefix", "'zz:b' at $.wasAttributedTo._:r.prov:agent uses the prefix 'zz', which is not declared; declare it under \"prefix\"."));
    }

    [Fact]
    public void Import_TwoProblemsAtOnePosition_InTheOrderFound()
    {
        var json = "{\"wasDerivedFrom\": {\"_:d\": {}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        AssertProblems(
            json,
            error,
            ("\"_:d\"", "structure", "the relation at $.wasDerivedFrom._:d has no 'prov:generatedEntity'; every relation of its type names it."),
            ("\"_:d\"", "structure", "the relation at $.wasDerivedFrom._:d has no 'prov:usedEntity'; every relation of its type names it."));
    }

    public static TheoryData<string, string> TimedRecords() => new()
    {
        // From PROV-DM: the records with a time among their formal attributes.
        { "activity", "prov:startTime" },
        { "activity", "prov:endTime" },
        { "wasGeneratedBy", "prov:time" },
        { "used", "prov:time" },
        { "wasInvalidatedBy", "prov:time" },
        { "wasStartedBy", "prov:time" },
        { "wasEndedBy", "prov:time" },
    };

    [Theory]
    [MemberData(nameof(TimedRecords))]
    public void Import_FormalTimeNotAString_IsAStructureProblemAtTheValue(string type, string name)
    {
        var id = type == "activity" ? "prov:x" : "_:r";
        var json = "{\"" + type + "\": {\"" + id + "\": {\"" + name + "\": 7}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        Assert.Contains(
            $"{At(json, "7")} structure expected an xsd:dateTime string at $.{type}.{id}.{name}, found a number.",
            error.Diagnostics.Select(d => $"{d.Location} {d.Code} {d.Message}"));
    }

    [Theory]
    [InlineData("wasAttributedTo")]
    [InlineData("wasDerivedFrom")]
    [InlineData("wasInfluencedBy")]
    public void Import_TimeOnARecordWithoutOne_IsAnOrdinaryAttribute(string relation)
    {
        var json = "{\"" + relation + "\": {\"_:r\": {\"prov:time\": 7}}}";

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        Assert.DoesNotContain(error.Diagnostics, d => d.Message.Contains("xsd:dateTime", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_DuplicateKeyInAnOtherwiseMappableDocument_IsAnErrorNothingLoaded()
    {
        var json = Doc(agents: ", \"s:rt\": {\"prov:label\": \"RT\", \"prov:label\": \"RT again\"}");

        var error = Assert.Throws<GraphValidationException>(() => Import(json));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("duplicate-key", problem.Code);
        Assert.Equal(At(json, "\"prov:label\": \"RT again\""), problem.Location?.ToString());
    }

    [Fact]
    public void Import_TypedValueWithLang_NoProblem()
    {
        var json = Doc(agents: ", \"s:rt\": {\"prov:label\": {\"$\": \"RT\", \"lang\": \"en\"}}", entities: ", \"r:rt\": {}", attributions: ", \"_:t\": {\"prov:entity\": \"r:rt\", \"prov:agent\": \"s:rt\"}");

        var result = Import(json);

        Assert.Contains(new Source("rt", "RT", SourceKind.Other), result.Graph.Sources);
    }

    [Theory]
    [InlineData("{\"$\": \"RT News\", \"type\": \"xsd:string\"}", "RT News")]
    [InlineData("{\"$\": \"https://rt.com\", \"type\": \"xsd:anyURI\"}", "https://rt.com")]
    [InlineData("\"RT\"", "RT")]
    public void Import_LabelAsAStringOfEitherType_IsTheName(string label, string name)
    {
        var json = Doc(agents: ", \"s:rt\": {\"prov:label\": " + label + "}", entities: ", \"r:rt\": {}", attributions: ", \"_:t\": {\"prov:entity\": \"r:rt\", \"prov:agent\": \"s:rt\"}");

        var result = Import(json);

        Assert.Empty(result.Unmapped);
        Assert.Equal(name, result.Graph.Sources.Single(s => s.Id == "rt").Name);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("{\"$\": \"5\", \"type\": \"xsd:int\"}")]
    public void Import_LabelNotAString_ListedTheIdIsTheName(string label)
    {
        var json = Doc(agents: ", \"s:rt\": {\"prov:label\": " + label + "}", entities: ", \"r:rt\": {}", attributions: ", \"_:t\": {\"prov:entity\": \"r:rt\", \"prov:agent\": \"s:rt\"}");

        var result = Import(json);

        Assert.Equal("rt", result.Graph.Sources.Single(s => s.Id == "rt").Name);
        AssertUnmapped(json, result, ("\"prov:label\": " + label, "agent s:rt prov:label: expected one string value."));
    }

    [Fact]
    public void Import_ForeignTypesAndAttributesOnAffiliationClaimAndAssertion_ListedEach()
    {
        var foreign = "{\"$\": \"ex:Thing\", " + Typed + "}";
        var json = Doc(
            agents: ", \"a:bloc\": {\"prov:type\": [{\"$\": \"pv:Affiliation\", " + Typed + "}, " + foreign + "], \"ex:a\": 1}",
            entities: ", \"c:other\": {\"pv:text\": \"Other.\", \"prov:type\": [{\"$\": \"pv:Claim\", " + Typed + "}, " + foreign + "], \"ex:c\": 1}",
            influences: ", \"_:x\": {\"prov:influencee\": \"r:two\", \"prov:influencer\": \"c:downed\", \"pv:mode\": \"unattributed\", \"prov:type\": [{\"$\": \"pv:Assertion\", " + Typed + "}, " + foreign + "], \"ex:i\": 1}");

        var result = Import(json);

        AssertUnmapped(
            json,
            result,
            ("\"prov:type\": [{\"$\": \"pv:Affiliation\"", "agent a:bloc prov:type: the type 'ex:Thing' has no counterpart in the model."),
            ("\"ex:a\"", "agent a:bloc ex:a: this attribute has no counterpart in the model."),
            ("\"prov:type\": [{\"$\": \"pv:Claim\"", "entity c:other prov:type: the type 'ex:Thing' has no counterpart in the model."),
            ("\"ex:c\"", "entity c:other ex:c: this attribute has no counterpart in the model."),
            ("\"prov:type\": [{\"$\": \"pv:Assertion\"", "wasInfluencedBy _:x prov:type: the type 'ex:Thing' has no counterpart in the model."),
            ("\"ex:i\"", "wasInfluencedBy _:x ex:i: this attribute has no counterpart in the model."));
    }

    [Theory]
    [InlineData("agent", "\"a:-bad\": {\"prov:type\": {\"$\": \"pv:Affiliation\", " + Typed + "}}", "\"a:-bad\"", "agent a:-bad: ")]
    [InlineData("entity", "\"c:-bad\": {\"pv:text\": \"Bad.\", \"prov:type\": {\"$\": \"pv:Claim\", " + Typed + "}}", "\"c:-bad\"", "entity c:-bad: ")]
    public void Import_MalformedAffiliationOrClaimId_ListedWithItsKind(string where, string record, string marker, string start)
    {
        var json = where == "agent" ? Doc(agents: ", " + record) : Doc(entities: ", " + record);

        var result = Import(json);

        var entry = Assert.Single(result.Unmapped);
        Assert.StartsWith($"{At(json, marker)}: {start}", entry.ToString(), StringComparison.Ordinal);
        Assert.Contains(where == "agent" ? "affiliation" : "claim", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ReportWithoutAttribution_ListedWithItsReason()
    {
        var json = Doc(entities: ", \"r:orphan\": {}");

        var result = Import(json);

        AssertUnmapped(json, result, ("\"r:orphan\"", "entity r:orphan: no wasAttributedTo names the source that published it; a report needs one."));
    }

    [Fact]
    public void Import_GenerationByAnActivity_TheActivityListed()
    {
        var json = Doc(sections: ",\n  \"activity\": {\"ex:writing\": {}},\n  \"wasGeneratedBy\": {\"_:g\": {\"prov:entity\": \"r:one\", \"prov:activity\": \"ex:writing\", \"prov:time\": \"2020-11-09T13:00:00+03:00\"}}");

        var result = Import(json);

        Assert.Equal(new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(3)), result.Graph.Reports.Single(r => r.Id == "one").Published);
        Assert.Contains($"{At(json, "\"prov:activity\": \"ex:writing\"")}: wasGeneratedBy _:g prov:activity: this relation's part has no counterpart in the model.", result.Unmapped.Select(u => u.ToString()));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("[]")]
    [InlineData("[\"first-hand\", \"attributed\"]")]
    public void Import_AssertionModeNotOneString_ListedOnce(string mode)
    {
        var json = Doc(influences: ", \"_:x\": {\"prov:influencee\": \"r:two\", \"prov:influencer\": \"c:downed\", \"pv:mode\": " + mode + "}");

        var result = Import(json);

        Assert.True(BaseGraph().ContentEquals(result.Graph));
        Assert.Single(result.Unmapped);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("5")]
    public void Import_SourceKindNotOneString_ListedOnce(string kind)
    {
        var json = Doc(agents: ", \"s:rt\": {\"pv:kind\": " + kind + "}", entities: ", \"r:rt\": {}", attributions: ", \"_:t\": {\"prov:entity\": \"r:rt\", \"prov:agent\": \"s:rt\"}");

        var result = Import(json);

        Assert.Equal(SourceKind.Other, result.Graph.Sources.Single(s => s.Id == "rt").Kind);
        Assert.Single(result.Unmapped);
    }
}
