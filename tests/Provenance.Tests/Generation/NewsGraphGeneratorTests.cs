using Provenance.Generation;
using Provenance.Yaml;

namespace Provenance.Tests.Generation;

public class NewsGraphGeneratorTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(1_000, 3)]
    [InlineData(20_000, 4)]
    public void Generate_AnySize_HasExactlyThatManyCitations(int citations, int seed)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = citations, Seed = seed });

        Assert.True(citations == graph.Citations.Length, $"seed {seed}: {graph.Citations.Length} citations, expected {citations}");
    }

    [Fact]
    public void Generate_SameSeed_GivesEqualGraphs()
    {
        var first = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 42 });
        var second = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 42 });

        Assert.True(first.ContentEquals(second));
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherGraph()
    {
        var first = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 42 });
        var second = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 43 });

        Assert.False(first.ContentEquals(second));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Generate_DefaultShape_HasTheFeaturesOfANewsCorpus(int seed)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 20_000, Seed = seed });
        var explicitAssertions = graph.Assertions.Where(a => !graph.GetReport(a.Report).IsImplicit).ToList();
        var unattributed = explicitAssertions.Count(a => a.Mode == AssertionMode.Unattributed) / (double)explicitAssertions.Count;
        var firstHandStatements = graph.Assertions.Count(a => a.Mode == AssertionMode.FirstHand && graph.GetReport(a.Report).Kind == ReportKind.Statement);
        var deepest = graph.Reports.Where(r => r.IsImplicit).Max(r => r.Id.Count(c => c == '~'));
        var reportToReport = graph.Citations.Count(c => !graph.GetReport(c.To).IsImplicit);
        var edges = graph.Citations.Select(c => (c.From, c.To, c.Claim)).ToHashSet();
        var twoCycles = graph.Citations.Count(c => edges.Contains((c.To, c.From, c.Claim)));
        var byAgency = graph.Sources.Where(s => s.Kind == SourceKind.NewsAgency)
            .Select(s => graph.ReportsOf(s.Id).Sum(r => graph.CitationsTo(r.Id).Length))
            .ToList();

        var message = $"seed {seed}: unattributed {unattributed:P1}, statements {firstHandStatements}, deepest {deepest}, "
            + $"report-to-report {reportToReport}, in 2-cycles {twoCycles}, agency citations {string.Join(",", byAgency)}";
        Assert.True(unattributed is > 0.07 and < 0.13, message);
        Assert.True(firstHandStatements > 500, message);
        Assert.True(deepest == 6, message);
        Assert.True(reportToReport > 500, message);
        Assert.True(twoCycles > 0, message);
        Assert.True(byAgency[0] > 4 * byAgency[^1], message);
        Assert.True(graph.Sources.Count(s => s.Affiliation is not null) > graph.Sources.Length / 4, message);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Generate_AnyGraph_IsExpressibleInYaml(int seed)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 3_000, Seed = seed });

        var loaded = ProvenanceYaml.Parse(ProvenanceYaml.ToYaml(graph));

        // YAML writes each assertion inside its report, so only the order of assertions may change.
        Assert.True(graph.Reports.SequenceEqual(loaded.Reports), $"seed {seed}: reports differ");
        Assert.True(graph.Citations.SequenceEqual(loaded.Citations), $"seed {seed}: citations differ");
        Assert.True(graph.Sources.SequenceEqual(loaded.Sources) && graph.Claims.SequenceEqual(loaded.Claims), $"seed {seed}: sources or claims differ");
        Assert.True(graph.Assertions.ToHashSet().SetEquals(loaded.Assertions) && graph.Assertions.Length == loaded.Assertions.Length, $"seed {seed}: assertions differ");
    }

    [Fact]
    public void Generate_ChainLimit_NoChainIsLonger()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 3_000, Seed = 5, MaxChainLength = 2 });

        Assert.Equal(2, graph.Reports.Where(r => r.IsImplicit).Max(r => r.Id.Count(c => c == '~')));
    }

    [Fact]
    public void Generate_WithoutText_HasNoEvidenceOrWording()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 2_000, Seed = 6, IncludeText = false });

        Assert.All(graph.Citations, c => Assert.Null(c.Evidence));
        Assert.All(graph.Assertions, a => Assert.Null(a.Wording));
    }

    [Fact]
    public void Generate_NoUnattributedNoCycles_HasNeither()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 8, UnattributedRate = 0, CycleRate = 0 });

        Assert.DoesNotContain(graph.Assertions, a => a.Mode == AssertionMode.Unattributed);
        var cycles = graph.CircularReporting();
        Assert.Empty(cycles.Overall);
        Assert.Empty(cycles.ByClaim);
    }

    [Theory]
    [InlineData(0, 0.1, 0.01, 6, "Citations")]
    [InlineData(10, 0.95, 0.01, 6, "UnattributedRate")]
    [InlineData(10, 0.1, -0.1, 6, "CycleRate")]
    [InlineData(10, 0.1, 0.01, 0, "MaxChainLength")]
    [InlineData(20_000_001, 0.1, 0.01, 6, "Citations")]
    [InlineData(10, -0.01, 0.01, 6, "UnattributedRate")]
    [InlineData(10, 0.1, 0.51, 6, "CycleRate")]
    [InlineData(10, 0.1, 0.01, 33, "MaxChainLength")]
    [InlineData(10, double.NaN, 0.01, 6, "UnattributedRate")]
    [InlineData(10, 0.1, double.NaN, 6, "CycleRate")]
    public void Generate_OptionOutOfRange_ThrowsNamingIt(int citations, double unattributed, double cycles, int chain, string name)
    {
        var options = new GeneratorOptions { Citations = citations, UnattributedRate = unattributed, CycleRate = cycles, MaxChainLength = chain };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NewsGraphGenerator.Generate(options));

        Assert.Equal(name, error.ParamName);
    }

    [Theory]
    [InlineData(0.9, 0.5, 32)]
    [InlineData(0, 0, 1)]
    public void Generate_OptionsAtTheEndsOfTheirRanges_AreAccepted(double unattributed, double cycles, int chain)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 200, Seed = 2, UnattributedRate = unattributed, CycleRate = cycles, MaxChainLength = chain });

        Assert.Equal(200, graph.Citations.Length);
    }

    [Fact]
    public void Generate_OptionOutOfRange_SaysTheRange()
    {
        var unattributed = Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorOptions { UnattributedRate = 1 }.Validate());
        var cycles = Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorOptions { CycleRate = 1 }.Validate());

        Assert.StartsWith("Must be between 0 and 0.9.", unattributed.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, unattributed.ActualValue);
        Assert.StartsWith("Must be between 0 and 0.5.", cycles.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_LargerCorpus_HasMoreNewsAgencies()
    {
        // Six agencies, one more per 100,000 citations (at most 30): a corpus of 200,000 has eight.
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 200_000, Seed = 1, IncludeText = false });

        Assert.Equal(8, graph.Sources.Count(s => s.Id.StartsWith("agency-", StringComparison.Ordinal)));
    }
}
