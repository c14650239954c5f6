using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

/// <summary>Property tests: any graph the builder accepts survives a save and load, and saving is a fixed point.</summary>
public partial class ProvenanceYamlTests
{
    private const int RoundTripSeeds = 250;

    [Fact]
    public void ToYaml_RandomGraphs_LoadBackToTheSameContent()
    {
        var options = new YamlLoadOptions { AllowTimelineErrors = true };
        var shapes = new HashSet<string>();
        for (var seed = 1; seed <= RoundTripSeeds; seed++)
        {
            var graph = RandomGraphs.Generate(seed);
            var yaml = ProvenanceYaml.ToYaml(graph);

            if (!ProvenanceYaml.TryParse(yaml, "random.yaml", out var loaded, out var problems, options))
            {
                Assert.Fail($"seed {seed}: the saved graph does not load:\n{string.Join("\n", problems)}\n---\n{yaml}");
            }

            Assert.True(RandomGraphs.Canonical(graph) == RandomGraphs.Canonical(loaded), $"seed {seed}: content differs after a round trip\n---\n{yaml}");
            Assert.True(yaml == ProvenanceYaml.ToYaml(loaded), $"seed {seed}: saving the loaded graph gives other text\n---\n{yaml}");
            Assert.True(loaded.ContentEquals(ProvenanceYaml.Parse(ProvenanceYaml.ToYaml(loaded), "random.yaml", options)), $"seed {seed}: load, save, load changed the graph");

            shapes.Add(yaml.Contains("cited-in:", StringComparison.Ordinal) ? "full implicit report" : "");
            shapes.Add(yaml.Contains("- report: ", StringComparison.Ordinal) ? "report hop" : "");
            shapes.Add(yaml.Contains("first-hand: true", StringComparison.Ordinal) ? "first-hand hop" : "");
            shapes.Add(yaml.Contains("\"", StringComparison.Ordinal) ? "quoted" : "");
        }

        // The generator must reach every shape the writer treats specially, or the property proves little.
        Assert.Equal(["", "first-hand hop", "full implicit report", "quoted", "report hop"], shapes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToYaml_SameGraph_SameBytes()
    {
        var first = ProvenanceYaml.ToYaml(RandomGraphs.Generate(7));
        var second = ProvenanceYaml.ToYaml(RandomGraphs.Generate(7));

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void ToYaml_ImplicitReportCitedFromSeveralPlaces_WritesReportHops()
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
            .AddSource(new Source("rt", "RT", SourceKind.Broadcaster))
            .AddClaim(new Claim("c", "claim"))
            .AddReport(new Report("a", "rt", ReportKind.Article))
            .AddReport(new Report("b", "rt", ReportKind.Article))
            .AddReport(Report.Implicit("a~tass", "tass", "a"))
            .AddCitation(new Citation("a", "a~tass", "c", CitationKind.Citing))
            .AddCitation(new Citation("b", "a~tass", "c", CitationKind.Confirms))
            .AddAssertion(new Assertion("b", "c", AssertionMode.Attributed))
            .Build();

        var yaml = ProvenanceYaml.ToYaml(graph);

        Assert.Equal(
            """
            sources:
              - id: tass
                name: TASS
                kind: news-agency
              - id: rt
                name: RT
                kind: broadcaster

            claims:
              - id: c
                text: claim

            reports:
              - id: a
                source: rt
                kind: article
                assertions:
                  - claim: c
                    via:
                      - source: tass
                        kind: citing

              - id: b
                source: rt
                kind: article
                assertions:
                  - claim: c
                    via:
                      - report: a~tass
                        kind: confirms

            """.ReplaceLineEndings("\n"),
            yaml);
        Assert.Equal(RandomGraphs.Canonical(graph), RandomGraphs.Canonical(ProvenanceYaml.Parse(yaml)));
    }
}
