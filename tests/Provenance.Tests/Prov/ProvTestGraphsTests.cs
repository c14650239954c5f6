namespace Provenance.Tests.Prov;

public class ProvTestGraphsTests
{
    [Fact]
    public void Random_FirstFortySeeds_CoverEveryPartOfTheMapping()
    {
        var graphs = Enumerable.Range(1, 40).Select(s => ProvTestGraphs.Random(s)).ToList();

        Assert.Contains(graphs, g => g.Reports.Any(r => r.Id.Count(c => c == '~') >= 2));
        Assert.Contains(graphs, g => g.Sources.Any(s => s.Aliases.Length >= 10));
        Assert.Contains(graphs, g => g.Sources.Any(s => s.Affiliation is not null));
        Assert.Contains(graphs, g => g.Claims.Any(c => c.Contradicts.Length >= 2));
        Assert.Contains(graphs, g => g.Reports.Any(r => !r.IsImplicit && r.Published is null));
        Assert.Contains(graphs, g => g.Reports.Any(r => r.Published is { Offset.Ticks: < 0 }));
        Assert.Contains(graphs, g => g.Assertions.Any(a => a.Mode == AssertionMode.Unknown));
        Assert.Contains(graphs, g => g.Citations.Any(c => !g.GetReport(c.To).IsImplicit));
        Assert.Contains(graphs, g => g.Citations.Any(c => c.Kind == CitationKind.DirectQuote && g.TryGetAssertion(c.To, c.Claim, out var a) && a.Mode == AssertionMode.FirstHand));
        Assert.Contains(graphs, g => g.Sources.Any(s => s.Id.Contains(':', StringComparison.Ordinal)) && g.Sources.Any(s => s.Id.Contains('/', StringComparison.Ordinal)));
        Assert.Contains(graphs, g => g.Sources.Any(s => s.Name.Contains('\\', StringComparison.Ordinal)));
    }
}
