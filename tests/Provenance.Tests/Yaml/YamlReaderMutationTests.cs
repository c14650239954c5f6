using System.Text;
using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

/// <summary>
/// The YAML reader's rules for each key, type and value, one small text per rule with every diagnostic it must give
/// (code, position, message) and no other: aimed at the reader's surviving mutants in tests/mutation-survivors/Yaml.txt.
/// </summary>
public class YamlReaderMutationTests
{
    // Two sources, a claim and a report asserting it first-hand; the cases add reports after it (from line 18).
    private const string Prelude = """
        sources:
          - id: s
            name: S
            kind: outlet
          - id: t
            name: T
            kind: outlet
        claims:
          - id: c
            text: C
        reports:
          - id: r0
            source: t
            kind: article
            assertions:
              - claim: c
                mode: first-hand

        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown top-level key with a scalar", "sourcse: 5\n", "unknown-field g.yaml:1:1: unknown field 'sourcse' in the graph; did you mean 'sources'?" },
        { "top-level list of the wrong type", "sources: 5\n", "wrong-type g.yaml:1:10: 'sources' must be a list, not a string." },
        { "affiliation without a name", "affiliations:\n  - id: a\n", "missing-field g.yaml:2:5: affiliation 'a' has no 'name'; add it." },
        { "claim without text", "claims:\n  - id: c\n", "missing-field g.yaml:2:5: claim 'c' has no 'text'; add it." },
        { "report without a source", "reports:\n  - id: r\n    kind: article\n", "missing-field g.yaml:2:5: report 'r' has no 'source'; add it." },
        { "cited-in naming no report", Prelude + "  - id: r0~s\n    source: s\n    cited-in: nope\n", "unknown-reference g.yaml:20:15: unknown report 'nope'; define it or fix the reference." },
        { "implicit-form id without cited-in", Prelude + "  - id: r0~x\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n", "malformed-id g.yaml:18:9: report id 'r0~x' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters)." },
        { "assertions not a list", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions: 5\n", "wrong-type g.yaml:21:17: 'assertions' must be a list, not a string." },
        { "assertion not a mapping", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - 5\n", "wrong-type g.yaml:22:9: an item of 'assertions' must be a mapping, not a string." },
        { "assertion without a claim", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - mode: first-hand\n", "missing-field g.yaml:22:9: an assertion of report 'r' has no 'claim'; add it." },
        { "assertion of an unknown claim", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: nope\n        mode: first-hand\n", "unknown-reference g.yaml:22:16: unknown claim 'nope'; define it or fix the reference." },
        { "unknown key in an assertion", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        mode: first-hand\n        moed: x\n", "unknown-field g.yaml:24:9: unknown field 'moed' in an assertion of report 'r'; did you mean 'mode'?" },
        { "no mode and an empty via", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via: []\n", "attributed-without-citation g.yaml:22:9: report 'r' asserts claim 'c' as attributed but cites nothing for it; add a citation or use mode 'unattributed'." },
        { "attributed with a null via", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        mode: attributed\n        via:\n", "attributed-without-citation g.yaml:23:15: report 'r' asserts claim 'c' as attributed but cites nothing for it; add a citation or use mode 'unattributed'." },
        { "no mode and a failed hop after a good citation", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - report: r0\n            kind: citing\n  - id: q\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - kind: citing\n", "invalid-citation g.yaml:32:13: a citation needs 'source' (a source it cites) or 'report' (a report in the graph); add one." },
        { "via not a list", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        mode: attributed\n        via: 5\n", "attributed-without-citation g.yaml:23:15: report 'r' asserts claim 'c' as attributed but cites nothing for it; add a citation or use mode 'unattributed'.\nwrong-type g.yaml:24:14: 'via' must be a list, not a string." },
        { "hop not a mapping", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        mode: attributed\n        via:\n          - 5\n", "attributed-without-citation g.yaml:23:15: report 'r' asserts claim 'c' as attributed but cites nothing for it; add a citation or use mode 'unattributed'.\nwrong-type g.yaml:25:13: 'a citation' must be a mapping, not a string." },
        { "unknown key in a hop", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: s\n            kind: citing\n            hegde: alleged\n", "unknown-field g.yaml:26:13: unknown field 'hegde' in a citation; did you mean 'hedge'?" },
        { "hop without a kind", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: s\n", "missing-field g.yaml:24:13: a citation has no 'kind'; add it." },
        { "hop with neither source nor report", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - kind: citing\n", "invalid-citation g.yaml:24:13: a citation needs 'source' (a source it cites) or 'report' (a report in the graph); add one." },
        { "wording on a report hop", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - report: r0\n            kind: citing\n            wording: w\n", "invalid-citation g.yaml:26:22: 'wording' is only allowed on a citation of a source, not on the citation of report 'r0'; put it in the assertions of 'r0'." },
        { "malformed source id in a hop", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: s s\n            kind: citing\n", "malformed-id g.yaml:24:21: source id 's s' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters)." },
        { "unknown source in a hop", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: nope\n            kind: citing\n", "unknown-reference g.yaml:24:21: unknown source 'nope'; define it or fix the reference." },
        { "null name", "sources:\n  - id: s\n    name:\n    kind: outlet\n", "missing-field g.yaml:3:10: source 's' has an empty 'name'; give it a value." },
        { "aliases not a list", "sources:\n  - id: s\n    name: S\n    kind: outlet\n    aliases: 5\n", "wrong-type g.yaml:5:14: 'aliases' must be a list, not a string." },
        { "alias not a string", "sources:\n  - id: s\n    name: S\n    kind: outlet\n    aliases:\n      - [1]\n      - ~\n", "wrong-type g.yaml:6:9: an item of 'aliases' must be a string, not a list.\nwrong-type g.yaml:7:9: an item of 'aliases' must be a string, not empty." },
        { "first-hand not a boolean scalar", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: s\n            kind: citing\n            first-hand: [1]\n", "wrong-type g.yaml:26:25: 'first-hand' must be true or false, not a list." },
        { "first-hand not a boolean word", Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: s\n            kind: citing\n            first-hand: yes\n", "wrong-type g.yaml:26:25: 'first-hand' must be true or false, not 'yes'." },
        { "published not a scalar", "sources:\n  - id: s\n    name: S\n    kind: outlet\nreports:\n  - id: r\n    source: s\n    kind: article\n    published: [1]\n", "wrong-type g.yaml:9:16: 'published' must be a date and time, not a list." },
        { "mapping key not a string", "sources:\n  - id: s\n    name: S\n    kind: outlet\n    [1]: x\n", "wrong-type g.yaml:5:5: a key in source 's' must be a plain string, not a list or mapping." },
        { "top-level key not a string", "[1]: x\n", "wrong-type g.yaml:1:1: a key in the graph must be a plain string, not a list or mapping." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_BadValue_GivesExactlyTheseDiagnostics(string name, string yaml, string expected)
    {
        var ok = ProvenanceYaml.TryParse(yaml, "g.yaml", out _, out var diagnostics);

        Assert.False(ok, name);
        Assert.Equal(expected, string.Join("\n", diagnostics.Select(d => d.Code + " " + d)));
    }

    [Theory]
    [InlineData("true", AssertionMode.FirstHand)]
    [InlineData("True", AssertionMode.FirstHand)]
    [InlineData("TRUE", AssertionMode.FirstHand)]
    [InlineData("false", AssertionMode.Unknown)]
    [InlineData("False", AssertionMode.Unknown)]
    [InlineData("FALSE", AssertionMode.Unknown)]
    public void Parse_FirstHandWords_SetTheCitedSourcesMode(string word, AssertionMode expected)
    {
        var graph = ProvenanceYaml.Parse(Prelude + "  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: s\n            kind: citing\n            first-hand: " + word + "\n");

        Assert.Equal(expected, graph.Assertions.Single(a => a.Report == "r~s").Mode);
    }

    [Fact]
    public void Parse_LongIds_MakeTheirImplicitIds()
    {
        var report = new string('r', 200);
        var source = new string('s', 200);
        var yaml = "sources:\n  - id: " + source + "\n    name: S\n    kind: outlet\nclaims:\n  - id: c\n    text: C\nreports:\n"
            + "  - id: " + report + "\n    source: " + source + "\n    kind: article\n    assertions:\n      - claim: c\n        via:\n          - source: " + source + "\n            kind: citing\n            first-hand: true\n";

        var graph = ProvenanceYaml.Parse(yaml);

        Assert.Equal(report + "~" + source, Assert.Single(graph.Citations).To);
    }

    [Fact]
    public void Parse_ImplicitReportsPastAThousandIds_AreKept()
    {
        // Sources and claims are interned when the graph is built; the report section interns its ids as it reads, two per
        // hop (the cited source and the implicit report), so 600 hops of one report pass the reader's first table size.
        var yaml = new StringBuilder("sources:\n");
        for (var i = 0; i < 600; i++)
        {
            yaml.Append("  - id: s").Append(i).Append("\n    name: S").Append(i).Append("\n    kind: outlet\n");
        }

        yaml.Append("claims:\n  - id: c\n    text: C\nreports:\n  - id: r\n    source: s0\n    kind: article\n    assertions:\n      - claim: c\n        via:\n");
        for (var i = 0; i < 600; i++)
        {
            yaml.Append("          - source: s").Append(i).Append("\n            kind: citing\n            first-hand: true\n");
        }

        var graph = ProvenanceYaml.Parse(yaml.ToString());

        Assert.Equal(600, graph.Citations.Length);
        Assert.Equal(Enumerable.Range(0, 600).Select(i => "r~s" + i), graph.Assertions.Where(a => a.Mode == AssertionMode.FirstHand).Select(a => a.Report));
    }

    [Fact]
    public void Parse_OneSourceCitedForSeveralClaimsBySeveralReports_GetsEachClaimOnce()
    {
        var yaml = new StringBuilder("sources:\n  - id: s\n    name: S\n    kind: outlet\nclaims:\n");
        for (var c = 1; c <= 3; c++)
        {
            yaml.Append("  - id: c").Append(c).Append("\n    text: C\n");
        }

        yaml.Append("reports:\n");
        foreach (var report in new[] { "r1", "r2" })
        {
            yaml.Append("  - id: ").Append(report).Append("\n    source: s\n    kind: article\n    assertions:\n");
            for (var c = 1; c <= 3; c++)
            {
                yaml.Append("      - claim: c").Append(c).Append("\n        via:\n          - source: s\n            kind: citing\n            first-hand: true\n");
            }
        }

        var graph = ProvenanceYaml.Parse(yaml.ToString());

        foreach (var report in new[] { "r1~s", "r2~s" })
        {
            Assert.Equal(["c1", "c2", "c3"], graph.Assertions.Where(a => a.Report == report).Select(a => a.Claim).Order(StringComparer.Ordinal));
            Assert.All(graph.Assertions.Where(a => a.Report == report), a => Assert.Equal(AssertionMode.FirstHand, a.Mode));
        }
    }

    [Fact]
    public void Parse_ChainTwelveHopsDeep_KeepsEveryHop()
    {
        var graph = ProvenanceYaml.Parse(Chain(12));

        Assert.Equal(12, graph.Citations.Length);
        Assert.Equal(AssertionMode.FirstHand, graph.Assertions.Single(a => a.Report.EndsWith("~s12", StringComparison.Ordinal)).Mode);
        Assert.Equal(12, graph.Assertions.Count(a => a.Mode == AssertionMode.Attributed)); // r and the eleven sources before the last
    }

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void Parse_NullWord_IsAnEmptyValue(string word)
    {
        Assert.False(ProvenanceYaml.TryParse("sources:\n  - id: s\n    name: " + word + "\n    kind: outlet\n", "g.yaml", out _, out var diagnostics));

        Assert.Equal("source 's' has an empty 'name'; give it a value.", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("nulL", "nulL")]
    [InlineData("\"null\"", "null")]
    [InlineData("'~'", "~")]
    [InlineData("\"\"", "")]
    public void Parse_NullLookAlike_IsAString(string written, string name)
    {
        var yaml = "claims:\n  - id: c\n    text: " + written + "\n";

        if (name.Length == 0)
        {
            // A quoted empty string is a string, not null: the claim's text is then empty, which the builder reports.
            Assert.False(ProvenanceYaml.TryParse(yaml, "g.yaml", out _, out var diagnostics));
            Assert.DoesNotContain("wrong-type", diagnostics.Select(d => d.Code));
            return;
        }

        Assert.Equal(name, ProvenanceYaml.Parse(yaml).Claims[0].Text);
    }

    // An empty enumeration value counts as missing ("has no"), an empty string as empty ("has an empty"): as today.
    [Fact]
    public void Parse_WrongTypes_NameWhatWasFound()
    {
        Assert.False(ProvenanceYaml.TryParse("sources:\n  - id: s\n    name: {a: 1}\n    kind: outlet\n  - id: t\n    name: T\n    kind: [x]\n  - id: u\n    name: U\n    kind:\n", "g.yaml", out _, out var diagnostics));

        Assert.Equal(
            ["'name' must be a string, not a mapping.", "'kind' must be a string, not a list.", "source 'u' has no 'kind'; add it."],
            diagnostics.Select(d => d.Message));
    }

    /// <summary>Report r of source s0 asserting claim c through a chain of sources s1 to s<paramref name="hops"/>, each nested in the one before; the last is first-hand.</summary>
    internal static string Chain(int hops)
    {
        var yaml = new StringBuilder("sources:\n");
        for (var i = 0; i <= hops; i++)
        {
            yaml.Append("  - id: s").Append(i).Append("\n    name: S\n    kind: outlet\n");
        }

        yaml.Append("claims:\n  - id: c\n    text: C\nreports:\n  - id: r\n    source: s0\n    kind: article\n    assertions:\n      - claim: c\n        via:\n");
        for (var i = 1; i <= hops; i++)
        {
            var indent = new string(' ', 10 + (4 * (i - 1)));
            yaml.Append(indent).Append("- source: s").Append(i).Append('\n').Append(indent).Append("  kind: citing\n");
            yaml.Append(indent).Append(i == hops ? "  first-hand: true\n" : "  via:\n");
        }

        return yaml.ToString();
    }
}
