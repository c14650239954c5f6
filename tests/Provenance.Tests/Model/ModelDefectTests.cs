using System.Collections.Immutable;

namespace Provenance.Tests.Model;

/// <summary>Regression tests for the model defects of issue 13.</summary>
public class ModelDefectTests
{
    private static readonly DateTimeOffset SixPmUtc = new(2020, 11, 9, 18, 0, 0, TimeSpan.Zero);

    private static CitationGraphBuilder OneReport(DateTimeOffset published) => new CitationGraphBuilder()
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
        .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down."))
        .AddReport(new Report("t1", "tass", ReportKind.Article) { Published = published })
        .AddAssertion(new Assertion("t1", "downed", AssertionMode.FirstHand));

    [Fact]
    public void Build_DefaultContradictsAndAliases_AreTakenAsEmpty()
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency) { Aliases = default })
            .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down.") { Contradicts = default })
            .Build();

        Assert.Empty(graph.GetSource("tass").Aliases);
        Assert.False(graph.GetSource("tass").Aliases.IsDefault);
        Assert.Empty(graph.GetClaim("downed").Contradicts);
        Assert.Empty(graph.ContradictionsOf("downed"));
        Assert.Equal(new Source("tass", "TASS", SourceKind.NewsAgency), graph.GetSource("tass"));
        Assert.Equal(new Source("x", "X", SourceKind.Other).GetHashCode(), (new Source("x", "X", SourceKind.Other) { Aliases = default }).GetHashCode());
    }

    [Fact]
    public void ReportEquality_SameInstantOtherOffset_IsNotEqual()
    {
        var utc = new Report("r", "s", ReportKind.Article) { Published = SixPmUtc };
        var eastern = utc with { Published = SixPmUtc.ToOffset(TimeSpan.FromHours(-5)) };

        Assert.Equal(utc.Published, eastern.Published);
        Assert.NotEqual(utc, eastern);
        Assert.Equal(utc, utc with { Published = new DateTimeOffset(2020, 11, 9, 18, 0, 0, TimeSpan.Zero) });
        Assert.NotEqual(utc, utc with { Published = null });
        Assert.NotEqual(utc with { Published = null }, utc);
    }

    [Fact]
    public void ContentEquals_SameInstantOtherOffset_IsFalse()
    {
        var utc = OneReport(SixPmUtc).Build();
        var eastern = OneReport(SixPmUtc.ToOffset(TimeSpan.FromHours(-5))).Build();
        var again = OneReport(SixPmUtc).Build();

        Assert.False(utc.ContentEquals(eastern));
        Assert.True(utc.ContentEquals(again));
    }

    [Fact]
    public void Build_UndefinedCitationKind_ReportsOnlyTheKind()
    {
        var builder = OneReport(SixPmUtc)
            .AddSource(new Source("rt", "RT", SourceKind.Broadcaster))
            .AddReport(new Report("rt1", "rt", ReportKind.Article) { Published = SixPmUtc.AddHours(1) })
            .AddAssertion(new Assertion("rt1", "downed", AssertionMode.Attributed), new SourceLocation("g.yaml", 3, 1))
            .AddCitation(new Citation("rt1", "t1", "downed", (CitationKind)42), new SourceLocation("g.yaml", 5, 1));

        Assert.False(builder.TryBuild(out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("unknown-enum", problem.Code);
        Assert.Equal(5, problem.Location?.Line);
    }

    [Fact]
    public void Builder_OptionsChangedAfterConstruction_KeepsTheSnapshot()
    {
        var options = new GraphBuildOptions { Limits = new GraphLimits { MaxNodes = 3 } };
        var builder = new CitationGraphBuilder(options)
            .AddSource(new Source("a", "A", SourceKind.Outlet))
            .AddSource(new Source("b", "B", SourceKind.Outlet))
            .AddSource(new Source("c", "C", SourceKind.Outlet))
            .AddSource(new Source("d", "D", SourceKind.Outlet));
        options.Limits.MaxNodes = -5;
        options.Limits = new GraphLimits { MaxNodes = 100 };
        options.AllowTimelineErrors = true;

        var error = Assert.Throws<GraphValidationException>(builder.Build);

        Assert.Contains("more than 3 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_TimelineOptionChangedAfterConstruction_KeepsTheSnapshot()
    {
        var options = new GraphBuildOptions();
        var strict = new CitationGraphBuilder(options);
        options.AllowTimelineErrors = true;
        foreach (var s in new[] { "tass", "rt" })
        {
            strict.AddSource(new Source(s, s, SourceKind.Outlet));
        }

        strict.AddClaim(new Claim("downed", "x"))
            .AddReport(new Report("t1", "tass", ReportKind.Article) { Published = SixPmUtc })
            .AddAssertion(new Assertion("t1", "downed", AssertionMode.FirstHand))
            .AddReport(new Report("rt0", "rt", ReportKind.Article) { Published = SixPmUtc.AddHours(-1) })
            .AddAssertion(new Assertion("rt0", "downed", AssertionMode.Attributed))
            .AddCitation(new Citation("rt0", "t1", "downed", CitationKind.Citing));

        Assert.Equal("timeline", Assert.Single(Assert.Throws<GraphValidationException>(strict.Build).Diagnostics).Code);
    }
}
