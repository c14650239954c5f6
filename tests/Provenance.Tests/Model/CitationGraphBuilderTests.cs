namespace Provenance.Tests.Model;

public class CitationGraphBuilderTests
{
    private static CitationGraphBuilder Minimal() => new CitationGraphBuilder()
        .AddAffiliation(new Affiliation("ru-state", "Russian state"))
        .AddSource(new Source("ru-mod", "Russian Ministry of Defence", SourceKind.Government) { Affiliation = "ru-state" })
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency) { Affiliation = "ru-state", Aliases = ["ТАСС"] })
        .AddSource(new Source("zerohedge", "ZeroHedge", SourceKind.Outlet))
        .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down."))
        .AddReport(new Report("zh", "zerohedge", ReportKind.Article) { Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)) })
        .AddReport(Report.Implicit("zh~tass", "tass", "zh"))
        .AddReport(Report.Implicit("zh~tass~ru-mod", "ru-mod", "zh"))
        .AddAssertion(new Assertion("zh", "downed", AssertionMode.Attributed, "shot down"))
        .AddCitation(new Citation("zh", "zh~tass", "downed", CitationKind.AccordingTo, Hedge.None, "According to TASS"))
        .AddAssertion(new Assertion("zh~tass~ru-mod", "downed", AssertionMode.FirstHand))
        .AddCitation(new Citation("zh~tass", "zh~tass~ru-mod", "downed", CitationKind.Citing, Hedge.None, "citing the ministry"));

    [Fact]
    public void Build_MultiHopChain_IndexesBothDirections()
    {
        var graph = Minimal().Build();

        Assert.Equal(3, graph.Reports.Length);
        Assert.Equal(["zh~tass"], graph.CitationsFrom("zh").Select(c => c.To));
        Assert.Equal(["zh~tass"], graph.CitationsTo("zh~tass~ru-mod").Select(c => c.From));
        Assert.True(graph.TryGetAssertion("zh~tass", "downed", out var inferred));
        Assert.Equal(AssertionMode.Attributed, inferred.Mode);
        Assert.True(graph.GetReport("zh~tass").IsImplicit);
        Assert.Equal(["zh", "zh~tass", "zh~tass~ru-mod"], graph.AssertionsOfClaim("downed").Select(a => a.Report).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_AfterBuild_Throws()
    {
        var builder = Minimal();
        builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddClaim(new Claim("x", "y")));
        Assert.Equal("This builder has already built a graph; create a new CitationGraphBuilder.", error.Message);
    }

    [Fact]
    public void Build_UnknownSource_SuggestsClosestId()
    {
        var builder = Minimal().AddReport(new Report("rt", "tas", ReportKind.Article), new SourceLocation("g.yaml", 4, 13));

        var error = Assert.Throws<GraphValidationException>(builder.Build);

        Assert.Equal("g.yaml:4:13: unknown source 'tas'; did you mean 'tass'?", error.Message);
        Assert.Equal(("g.yaml", 4, 13), (error.FilePath, error.Line, error.Column));
    }

    [Fact]
    public void Build_SeveralProblems_ReportsAllInFileOrder()
    {
        var builder = Minimal()
            .AddCitation(new Citation("zh", "zh", "downed", CitationKind.Citing), new SourceLocation("g.yaml", 9, 5))
            .AddClaim(new Claim("downed", "again"), new SourceLocation("g.yaml", 2, 7));

        var error = Assert.Throws<GraphValidationException>(builder.Build);

        Assert.Equal(
            "The graph has 2 problems and was not loaded:\n"
            + "g.yaml:2:7: duplicate claim id 'downed'; each claim needs its own id.\n"
            + "g.yaml:9:5: report 'zh' cites itself for claim 'downed'; a citation must point to another report or source.",
            error.Message);
    }

    [Fact]
    public void Build_CitationToLaterReport_IsTimelineError()
    {
        var builder = Minimal()
            .AddReport(new Report("later", "tass", ReportKind.Article) { Published = new DateTimeOffset(2020, 11, 10, 0, 0, 0, TimeSpan.Zero) })
            .AddAssertion(new Assertion("later", "downed", AssertionMode.FirstHand))
            .AddCitation(new Citation("zh", "later", "downed", CitationKind.Citing));

        var error = Assert.Throws<GraphValidationException>(builder.Build);

        Assert.Equal("report 'zh' (published 2020-11-09T13:00:00-05:00) cites report 'later', published later (2020-11-10T00:00:00+00:00); fix one of the dates or the citation.", error.Message);
    }

    [Fact]
    public void Build_TimelineErrorsAllowed_Builds()
    {
        var builder = new CitationGraphBuilder(new GraphBuildOptions { AllowTimelineErrors = true });
        builder.AddSource(new Source("a", "A", SourceKind.Outlet))
            .AddClaim(new Claim("c", "C"))
            .AddReport(new Report("r1", "a", ReportKind.Article) { Published = DateTimeOffset.UnixEpoch })
            .AddReport(new Report("r2", "a", ReportKind.Article) { Published = DateTimeOffset.UnixEpoch.AddDays(1) })
            .AddAssertion(new Assertion("r2", "c", AssertionMode.FirstHand))
            .AddCitation(new Citation("r1", "r2", "c", CitationKind.Citing));

        Assert.Single(builder.Build().Citations);
    }
}
