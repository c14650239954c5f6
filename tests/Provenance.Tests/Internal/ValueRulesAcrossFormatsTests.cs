using System.Text;
using System.Text.RegularExpressions;
using Provenance.Bulk;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Tests.Internal;

/// <summary>
/// Issue 13: the same bad value fed through YAML, JSON Lines and PROV-JSON gives the same code and the same message,
/// because the three loaders share one set of value rules (ids, dates, enumeration values, did-you-mean, messages).
/// The expected messages are written out here, not taken from the library's catalogue.
/// </summary>
public class ValueRulesAcrossFormatsTests
{
    private const string Yaml = """
        sources:
          - id: tass
            name: TASS
            kind: news-agency
          - id: zerohedge
            name: ZeroHedge
            kind: outlet
          - id: rt
            name: RT
            kind: broadcaster
        claims:
          - id: downed
            text: A helicopter was shot down.
        reports:
          - id: zh
            source: zerohedge
            kind: article
            published: 2020-11-09T13:00:00-05:00
            assertions:
              - claim: downed
                via:
                  - source: tass
                    kind: according-to

        """;

    private const string JsonLines = """
        {"type":"provenance","version":1}
        {"type":"source","id":"tass","name":"TASS","kind":"news-agency"}
        {"type":"source","id":"zerohedge","name":"ZeroHedge","kind":"outlet"}
        {"type":"source","id":"rt","name":"RT","kind":"broadcaster"}
        {"type":"claim","id":"downed","text":"A helicopter was shot down."}
        {"type":"report","id":"zh","source":"zerohedge","kind":"article","published":"2020-11-09T13:00:00-05:00"}
        {"type":"report","id":"zh~tass","source":"tass","cited-in":"zh"}
        {"type":"citation","from":"zh","to":"zh~tass","claim":"downed","kind":"according-to"}

        """;

    private const string SourceKinds = "news-agency, outlet, broadcaster, government, military-unit, person, social-media, anonymous, other";

    private const string IdRule = "use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters).";

    /// <summary>
    /// A bad value written into each format (each a replacement in the valid base text), the code and message every format
    /// must report, and PROV-JSON's own expectation where its vocabulary spells the value differently (qualified names,
    /// <c>pv:</c> keys): <c>-</c> when PROV-JSON has no such value to get wrong (an open vocabulary lists an unknown
    /// attribute as unmapped instead), <c>unmapped:</c> when PROV-JSON maps the record away with that reason instead of
    /// rejecting the document. <c>{at}</c> stands for a position <c>file:line:column</c>.
    /// </summary>
    public static TheoryData<string, string[], string, string, string?> Cases => new()
    {
        {
            "unknown enum value, close",
            ["kind: outlet", "kind: outlt", "\"kind\":\"outlet\"", "\"kind\":\"outlt\"", "\"pv:kind\": \"outlet\"", "\"pv:kind\": \"outlt\""],
            "unknown-enum", $"unknown source kind 'outlt'; did you mean 'outlet'? Use one of {SourceKinds}.", null
        },
        {
            "unknown enum value, far",
            ["kind: outlet", "kind: blog", "\"kind\":\"outlet\"", "\"kind\":\"blog\"", "\"pv:kind\": \"outlet\"", "\"pv:kind\": \"blog\""],
            "unknown-enum", $"unknown source kind 'blog'; use one of {SourceKinds}.", null
        },
        {
            "unknown enum value, one letter's case",
            ["kind: outlet", "kind: Outlet", "\"kind\":\"outlet\"", "\"kind\":\"Outlet\"", "\"pv:kind\": \"outlet\"", "\"pv:kind\": \"Outlet\""],
            "unknown-enum", $"unknown source kind 'Outlet'; did you mean 'outlet'? Use one of {SourceKinds}.", null
        },
        {
            "unknown enum value, every letter's case (each a costed edit)",
            ["kind: outlet", "kind: OUTLET", "\"kind\":\"outlet\"", "\"kind\":\"OUTLET\"", "\"pv:kind\": \"outlet\"", "\"pv:kind\": \"OUTLET\""],
            "unknown-enum", $"unknown source kind 'OUTLET'; use one of {SourceKinds}.", null
        },
        {
            "unknown citation kind",
            ["kind: according-to", "kind: acording-to", "\"kind\":\"according-to\"", "\"kind\":\"acording-to\"", "\"pv:kind\": \"according-to\"", "\"pv:kind\": \"acording-to\""],
            "unknown-enum", "unknown citation kind 'acording-to'; did you mean 'according-to'? Use one of direct-quote, paraphrase, according-to, citing, confirms, inferred.", null
        },
        {
            "malformed date",
            Date("9 November 2020"),
            "invalid-date", "date '9 November 2020' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00.", null
        },
        {
            "impossible date",
            Date("2020-02-30T13:00:00-05:00"),
            "invalid-date", "date '2020-02-30T13:00:00-05:00' does not exist: 2020-02 has 29 days; fix it.", null
        },
        {
            "offset beyond 14 hours",
            Date("2020-11-09T13:00:00+15:00"),
            "invalid-date", "date '2020-11-09T13:00:00+15:00' does not exist: offset +15:00 is beyond ±14:00; fix it.", null
        },
        {
            "seven fraction digits at most",
            Date("2020-11-09T13:00:00.12345678Z"),
            "invalid-date", "date '2020-11-09T13:00:00.12345678Z' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00.", null
        },
        {
            "date without offset",
            Date("2020-11-09T13:00:00"),
            "invalid-date", "date '2020-11-09T13:00:00' has no UTC offset; write it with one, e.g. 2020-11-09T13:00:00+03:00 or 2020-11-09T10:00:00Z.",
            "unmapped:its prov:time '2020-11-09T13:00:00' has no UTC offset; a publication time needs one."
        },
        {
            "malformed id",
            ["id: rt", "id: r t", "\"id\":\"rt\"", "\"id\":\"r t\"", "\"source:rt\"", "\"source:r%20t\""],
            "malformed-id", $"source id 'r t' is malformed; {IdRule}", $"unmapped:source id 'r t' is malformed; {IdRule}"
        },
        {
            "misspelt key",
            ["    name: RT", "    nmae: RT", "\"name\":\"RT\"", "\"nmae\":\"RT\"", "", ""],
            "unknown-field", "unknown field 'nmae' in source 'rt'; did you mean 'name'?", "-"
        },
        {
            "key given twice",
            ["    kind: outlet", "    kind: outlet\n    kind: outlet", "\"kind\":\"outlet\"", "\"kind\":\"outlet\",\"kind\":\"outlet\"", "\"source:zerohedge\": {", "\"source:zerohedge\": {\"pv:kind\": \"outlet\", "],
            "duplicate-key", "'kind' is given twice in source 'zerohedge'; the first is at {at}; keep one.",
            "'pv:kind' is given twice in $.agent.source:zerohedge; the first is at {at}; keep one."
        },
        {
            "id given twice",
            ["claims:", "  - id: rt\n    name: RT again\n    kind: broadcaster\nclaims:", "{\"type\":\"claim\"", "{\"type\":\"source\",\"id\":\"rt\",\"name\":\"RT again\",\"kind\":\"broadcaster\"}\n{\"type\":\"claim\"", "\"source:zerohedge\": {", "\"source:tass\": {}, \"source:zerohedge\": {"],
            "duplicate-id", "duplicate source id 'rt'; it is already defined at {at}.",
            "duplicate agent id 'source:tass'; it is already defined at {at}."
        },
        {
            "unknown reference",
            ["source: zerohedge", "source: zerohedg", "\"source\":\"zerohedge\"", "\"source\":\"zerohedg\"", "\"prov:agent\": \"source:zerohedge\"", "\"prov:agent\": \"source:zerohedg\""],
            "unknown-reference", "unknown source 'zerohedg'; did you mean 'zerohedge'?",
            "unknown entity, activity or agent 'source:zerohedg'; did you mean 'source:zerohedge'?"
        },
        {
            "wrong type",
            ["    name: RT", "    name: [RT]", "\"name\":\"RT\"", "\"name\":[\"RT\"]", "", ""],
            "wrong-type", "'name' must be a string, not a list.", "-"
        },
        {
            "missing field",
            ["    name: RT\n    kind: broadcaster", "    name: RT", "\"name\":\"RT\",\"kind\":\"broadcaster\"", "\"name\":\"RT\"", "", ""],
            "missing-field", "source 'rt' has no 'kind'; add it.", "-"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_SameBadValue_SameCodeAndMessageInEveryFormat_Issue13(string name, string[] edits, string code, string message, string? prov)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(6, edits.Length);

        var yaml = Load(() => ProvenanceYaml.Parse(Edit(Yaml, edits[0], edits[1]), "g.yaml"), "g.yaml");
        var jsonLines = Load(() => ProvenanceJsonLines.Parse(Edit(JsonLines, edits[2], edits[3]), "g.jsonl"), "g.jsonl");

        Assert.Equal(code, yaml.Code);
        Assert.Equal(code, jsonLines.Code);
        Assert.Matches(Pattern(message, "g.yaml"), yaml.Message);
        Assert.Matches(Pattern(message, "g.jsonl"), jsonLines.Message);

        if (prov == "-")
        {
            return;
        }

        var provText = Edit(BaseGraph().ToProvJson(), edits[4], edits[5]);
        if (prov is not null && prov.StartsWith("unmapped:", StringComparison.Ordinal))
        {
            var result = ImportProv(provText);
            Assert.Contains(result.Unmapped, u => u.Reason == prov["unmapped:".Length..]);
            return;
        }

        var provProblem = Load(() => ImportProv(provText), "doc.json");
        Assert.Equal(code, provProblem.Code);
        Assert.Matches(Pattern(prov ?? message, "doc.json"), provProblem.Message);
    }

    public static TheoryData<string> AcceptedDates => new()
    {
        "2020-11-09T18:00:00Z",
        "2020-11-09T18:00Z",
        "2020-11-09 21:00:00+03:00",
        "2020-11-09t18:00:00.0z",
        "2020-11-09T13:00:00.0000000-05:00",
    };

    /// <summary>The one date rule: every format accepts the same spellings, here all of one instant.</summary>
    [Theory]
    [MemberData(nameof(AcceptedDates))]
    public void Load_AcceptedDateSpelling_SameInstantInEveryFormat_Issue13(string date)
    {
        var instant = new DateTimeOffset(2020, 11, 9, 18, 0, 0, TimeSpan.Zero);
        var edits = Date(date);

        var yaml = ProvenanceYaml.Parse(Edit(Yaml, edits[0], edits[1]), "g.yaml");
        var jsonLines = ProvenanceJsonLines.Parse(Edit(JsonLines, edits[2], edits[3]), "g.jsonl");
        var prov = ImportProv(Edit(BaseGraph().ToProvJson(), edits[4], edits[5])).Graph;

        Assert.All(new[] { yaml, jsonLines, prov }, g => Assert.Equal(instant, g.GetReport("zh").Published));
    }

    private static string[] Date(string value) =>
        [
            "published: 2020-11-09T13:00:00-05:00", $"published: {value}",
            "\"published\":\"2020-11-09T13:00:00-05:00\"", $"\"published\":\"{value}\"",
            "\"prov:time\": \"2020-11-09T13:00:00-05:00\"", $"\"prov:time\": \"{value}\"",
        ];

    private static CitationGraph BaseGraph() => ProvenanceYaml.Parse(Yaml, "g.yaml");

    private static ProvImportResult ImportProv(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return ProvJson.Import(stream, "doc.json");
    }

    private static string Edit(string text, string from, string to)
    {
        if (from.Length == 0)
        {
            return text;
        }

        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in the base text");
        return text[..at] + to + text[(at + from.Length)..];
    }

    /// <summary>The single problem a load reports, which must name the input and a 1-based position.</summary>
    private static GraphDiagnostic Load(Func<object> load, string file)
    {
        var error = Assert.Throws<GraphValidationException>(() => load());
        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(file, problem.Location?.File);
        Assert.True(problem.Location is { Line: >= 1, Column: >= 1 }, problem.ToString());
        return problem;
    }

    private static string Pattern(string message, string file) =>
        "^" + Regex.Escape(message).Replace(Regex.Escape("{at}"), Regex.Escape(file) + ":[0-9]+:[0-9]+", StringComparison.Ordinal) + "$";
}
