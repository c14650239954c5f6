using System.Globalization;
using Provenance.Extraction.Evaluation;
using Provenance.Verification;
using Provenance.Yaml;

namespace Provenance.Extraction.Tests;

/// <summary>
/// The seed-article evaluation: the draft of the five seed articles (../shared/seeds), with the bundled graph's sources
/// as the known sources and none of its reports or claims, against the bundled graph's source-level edges and chains.
/// Prints the figures; the draft must validate and pass the evidence check.
/// </summary>
public sealed class SeedEvaluationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void SeedDraft_ValidatesPassesEvidenceCheck_AndPrintsRecovery()
    {
        var seeds = TestPaths.RequireShared("seeds");
        var reference = ProvenanceYaml.Load(TestPaths.BundledGraph);
        var known = new SourceResolver(reference.Sources);
        var articles = ArticleManifest.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "seeds-manifest.yaml")), "seeds-manifest.yaml", seeds);
        var documents = articles.Select(a => (a, AttributionExtractor.Default.ExtractFile(a.File, known))).ToList();
        var yaml = DraftGraph.ToYaml(documents, known);
        var draft = ProvenanceYaml.Parse(yaml, "seed-draft.yaml");
        var evidence = EvidenceChecker.Check(draft, seeds);
        Assert.True(evidence.IsValid, string.Join("\n", evidence.Problems));
        Assert.Equal(5, evidence.Matches.Length);

        var result = GraphComparison.Compare(reference, draft);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source edges: recall {100 * result.SourceEdges.Recall:F1}% ({result.SourceEdges.Matched}/{result.SourceEdges.Gold}), precision {100 * result.SourceEdges.Precision:F1}% ({result.SourceEdges.Matched}/{result.SourceEdges.Predicted})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"multi-hop chains: recall {100 * result.Chains.Recall:F1}% ({result.Chains.Matched}/{result.Chains.Gold}), precision {100 * result.Chains.Precision:F1}% ({result.Chains.Matched}/{result.Chains.Predicted})"));
        foreach (var e in result.MissingEdges)
        {
            output.WriteLine("missing edge: " + e);
        }

        foreach (var e in result.ExtraEdges)
        {
            output.WriteLine("extra edge: " + e);
        }

        foreach (var c in result.MissingChains)
        {
            output.WriteLine("missing chain: " + c);
        }

        Assert.True(result.SourceEdges.Matched > 0);
    }
}
