using System.Globalization;
using Provenance.Yaml;

namespace Provenance.Extraction.Tests;

/// <summary>
/// Hidden relays among the five seed articles (../shared/seeds), with the bundled graph's sources as the known sources: the
/// EurAsian Times reusing Sputnik's copy as ZeroHedge quotes it is found; every finding is printed with both passages so a
/// reader can judge it against the articles.
/// </summary>
public sealed class SeedRelaysTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void SeedArticles_EurAsianTimesReusesSputniksCopyAsZeroHedgeQuotesIt()
    {
        var seeds = TestPaths.RequireShared("seeds");
        var known = new SourceResolver(ProvenanceYaml.Load(TestPaths.BundledGraph).Sources);
        var articles = ArticleManifest.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "seeds-manifest.yaml")), "seeds-manifest.yaml", seeds);
        var documents = articles.Select(a => (a, AttributionExtractor.Default.ExtractFile(a.File, known))).ToList();

        var relays = ArticleRelays.Find(documents);
        foreach (var relay in relays)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ArticleRelays.Describe(relay, documents)} (score {relay.Score}, directed {relay.Directed})"));
            output.WriteLine($"  {Path.GetFileName(documents[relay.Relaying].a.File)}: \"{relay.RelayingPassage.Text}\"");
            output.WriteLine($"  {Path.GetFileName(documents[relay.Relayed].a.File)}: \"{relay.RelayedPassage.Text}\"");
        }

        var eurasian = relays.Where(r => documents[r.Relaying].a.Source == "eurasian-times" && documents[r.Relayed].a.Source == "zerohedge").ToList();
        Assert.Contains(eurasian, r => r.RelayingPassage.Text.Contains("(NATO reporting name: Hind)", StringComparison.Ordinal) && r.Directed);
        Assert.Contains(eurasian, r => r.RelayingPassage.Text.Contains("the territory of Armenia near the village of Yeraskh", StringComparison.Ordinal));
        Assert.All(eurasian, r => Assert.DoesNotContain("zerohedge", r.Credited));

        // The draft with the findings as inferred hops still validates.
        var draft = ProvenanceYaml.Parse(DraftGraph.ToYaml(documents, known, relays), "seed-draft.yaml");
        Assert.Contains(draft.Citations, c => c.Kind == CitationKind.Inferred && draft.GetReport(c.From).Source == "eurasian-times");
    }
}
