namespace Provenance.Tests.Model;

/// <summary>An <see cref="ArgumentNullException"/> names the parameter as the public method names it.</summary>
public sealed class ArgumentNameTests
{
    private static CitationGraph Graph() => new CitationGraphBuilder()
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
        .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down."))
        .AddReport(new Report("t1", "tass", ReportKind.Article))
        .AddAssertion(new Assertion("t1", "downed", AssertionMode.FirstHand))
        .Build();

    [Fact]
    public void BuilderAdd_Null_NamesTheElement()
    {
        var builder = new CitationGraphBuilder();

        Assert.Equal("affiliation", Assert.Throws<ArgumentNullException>(() => builder.AddAffiliation(null!)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => builder.AddSource(null!)).ParamName);
        Assert.Equal("claim", Assert.Throws<ArgumentNullException>(() => builder.AddClaim(null!)).ParamName);
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => builder.AddReport(null!)).ParamName);
        Assert.Equal("assertion", Assert.Throws<ArgumentNullException>(() => builder.AddAssertion(null!)).ParamName);
        Assert.Equal("citation", Assert.Throws<ArgumentNullException>(() => builder.AddCitation(null!)).ParamName);
    }

    [Fact]
    public void GraphLookups_Null_NameTheirParameter()
    {
        var graph = Graph();

        Assert.Equal("claimId", Assert.Throws<ArgumentNullException>(() => graph.AssertionsOfClaim(null!)).ParamName);
        Assert.Equal("claimId", Assert.Throws<ArgumentNullException>(() => graph.ContradictionsOf(null!)).ParamName);
        Assert.Equal("sourceId", Assert.Throws<ArgumentNullException>(() => graph.ReportsOf(null!)).ParamName);
        Assert.Equal("reportId", Assert.Throws<ArgumentNullException>(() => graph.AssertionsOf(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.GetClaim(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.GetReport(null!)).ParamName);
    }

    [Fact]
    public void TryGetAssertion_NullClaim_IsFalse()
    {
        var graph = Graph();

        Assert.False(graph.TryGetAssertion("t1", null!, out var assertion));
        Assert.Null(assertion);
        Assert.True(graph.TryGetAssertion("t1", "downed", out assertion));
        Assert.Equal(AssertionMode.FirstHand, assertion.Mode);
    }
}
