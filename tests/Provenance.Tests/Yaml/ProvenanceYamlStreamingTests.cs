using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

/// <summary>Issue 13: the YAML loader streams the parser's events; the root mapping and its lists are never built as nodes.</summary>
public class ProvenanceYamlStreamingTests
{
    private const string Sources = """
          - id: tass
            name: TASS
            kind: news-agency
        """;

    [Fact]
    public void Parse_TopLevelKeyGivenTwice_ReportsTheSecondWithTheFirstsPosition()
    {
        var yaml = "sources:\n" + Sources + "\nsources:\n" + Sources + "\n";

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse(yaml, "g.yaml"));

        Assert.Equal("g.yaml:5:1: 'sources' is given twice in the graph; the first is at g.yaml:1:1; keep one.", error.Message);
    }

    [Fact]
    public void Parse_MisspeltTopLevelKey_SuggestsTheKey()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse("sorces:\n" + Sources + "\n", "g.yaml"));

        Assert.Equal("g.yaml:1:1: unknown field 'sorces' in the graph; did you mean 'sources'?", error.Message);
    }

    [Fact]
    public void Parse_AnchoredListAndAliasedValues_ReadLikeWrittenOut()
    {
        const string yaml = """
            sources: &all
              - id: tass
                name: &name TASS
                kind: news-agency
              - id: tass-copy
                name: *name
                kind: news-agency
            claims:
              - id: downed
                text: *name
            """;

        var graph = ProvenanceYaml.Parse(yaml, "g.yaml");

        Assert.Equal(["tass", "tass-copy"], graph.Sources.Select(s => s.Id));
        Assert.Equal("TASS", graph.GetSource("tass-copy").Name);
        Assert.Equal("TASS", graph.GetClaim("downed").Text);
    }

    [Fact]
    public void Parse_ChainAnchoredInOneReportAndAliasedAfterOthers_KeepsItsValues()
    {
        // The nodes of each list item are reused by the next one, except an item's that holds an anchor.
        const string yaml = """
            sources:
              - {id: tass, name: TASS, kind: news-agency}
              - {id: rt, name: RT, kind: broadcaster}
            claims:
              - {id: downed, text: Downed}
            reports:
              - id: r1
                source: rt
                kind: article
                assertions:
                  - claim: downed
                    via: &chain
                      - source: tass
                        kind: confirms
                        evidence: first
              - id: r2
                source: rt
                kind: article
                assertions:
                  - claim: downed
                    via:
                      - source: rt
                        kind: citing
                        evidence: second
              - id: r3
                source: rt
                kind: article
                assertions:
                  - claim: downed
                    via: *chain
            """;

        var graph = ProvenanceYaml.Parse(yaml, "g.yaml");

        Assert.Equal(
            ["r1 r1~tass Confirms first", "r2 r2~rt Citing second", "r3 r3~tass Confirms first"],
            graph.Citations.Select(c => $"{c.From} {c.To} {c.Kind} {c.Evidence}"));
    }

    [Fact]
    public void Parse_ListWrittenAsAMapping_IsAWrongType()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse("sources:\n  id: tass\n", "g.yaml"));

        Assert.Equal("g.yaml:2:3: 'sources' must be a list, not a mapping.", error.Message);
    }

    [Fact]
    public void Parse_ItemThatIsNotAMapping_IsAWrongTypeAndTheRestIsRead()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse("sources:\n  - tass\n" + Sources + "\n  - id: rt\n    kind: broadcaster\n", "g.yaml"));

        Assert.Equal(
            "The graph has 2 problems and was not loaded:\n"
            + "g.yaml:2:5: an item of 'sources' must be a mapping, not a string.\n"
            + "g.yaml:6:5: source 'rt' has no 'name'; add it.",
            error.Message);
    }

    [Fact]
    public void Load_InvalidTextReader_ReadOnceStillGivesFieldPositions()
    {
        using var reader = new StringReader("sources:\n" + Sources + "\nreports:\n  - id: zh\n    source: tas\n    kind: article\n");

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(reader, "g.yaml"));

        Assert.Equal("g.yaml:7:13: unknown source 'tas'; did you mean 'tass'?", error.Message);
    }
}
