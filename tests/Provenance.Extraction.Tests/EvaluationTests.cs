using Provenance.Extraction.Evaluation;

namespace Provenance.Extraction.Tests;

public sealed class EvaluationTests
{
    [Fact]
    public void Brat_ParsesRolesFragmentsAndSkipsOtherLines()
    {
        const string ann = "T1\tSource 0 3\tHe\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;20 25\tab cd\nT4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Cue:T2\nT5\tCue 90 99\tout of range\nbroken line\n";
        var spans = BratAttributions.Parse(ann, 30);
        Assert.Equal(3, spans.Length);
        var content = Assert.Single(spans, s => s.Role == AttributionRole.Content);
        Assert.Equal((9, 25), (content.Start, content.End));
        Assert.Equal(2, content.Fragments.Length);
    }

    [Fact]
    public void Score_MatchesHandComputedFigures()
    {
        // text: "Ann said it rained today." Gold: source Ann, cue said, content "it rained today".
        const string text = "Ann said it rained today.";
        var gold = BratAttributions.Parse("T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 24\tit rained today\n", text.Length);
        // predicted: cue right, source wrong ("Ann said"), content "rained today" (2 of 3 gold words, nothing extra)
        var predicted = new ExtractedDocument("a.txt", text,
        [
            new Attribution { Source = TextSpan.Of(text, 0, 8), Cue = TextSpan.Of(text, 4, 8), Content = TextSpan.Of(text, 12, 24), Confidence = 1 },
        ]);
        var r = AttributionEvaluation.Score([(predicted, gold)]);
        Assert.Equal(1, r.Documents);
        Assert.Equal(new RoleScore(1, 1, 1), r.Cue);
        Assert.Equal(new RoleScore(0, 1, 1), r.Source);
        Assert.Equal(new RoleScore(0, 1, 1), r.Content);
        Assert.Equal(new RoleScore(2, 2, 3), r.ContentTokenOverlap);
        Assert.Equal(0.8, r.ContentTokenOverlap.F1, 6);
    }

    [SkippableFact]
    public void PolnearDev_MeetsTargets()
    {
        var dev = TestPaths.RequireShared(Path.Combine("data", "polnear", "dev"));
        var r = AttributionEvaluation.Evaluate(AttributionExtractor.Default, Path.Combine(dev, "text"), Path.Combine(dev, "attributions"));
        Assert.True(r.Documents > 50, $"{r.Documents} documents");
        Assert.True(r.Cue.F1 >= 0.55, $"cue F1 {r.Cue.F1:P1}");
        Assert.True(r.Source.F1 >= 0.50, $"source F1 {r.Source.F1:P1}");
        Assert.True(r.ContentTokenOverlap.F1 >= 0.50, $"content token overlap F1 {r.ContentTokenOverlap.F1:P1}");
    }

    [Fact]
    public void GraphComparison_CountsEdgesAndChains()
    {
        var reference = Provenance.Yaml.ProvenanceYaml.Load(TestPaths.BundledGraph);
        var self = GraphComparison.Compare(reference, reference);
        Assert.Equal(1.0, self.SourceEdges.Recall);
        Assert.Equal(1.0, self.SourceEdges.Precision);
        Assert.Equal(self.Chains.Gold, self.Chains.Matched);
        Assert.Contains("zerohedge -> tass -> az-mfa", GraphComparison.Chains(reference));
        Assert.Contains("tass -> az-mfa", GraphComparison.Edges(reference));
    }
}
