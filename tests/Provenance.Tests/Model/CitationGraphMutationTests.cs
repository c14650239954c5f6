namespace Provenance.Tests.Model;

public class CitationGraphMutationTests
{
    private static readonly DateTimeOffset Noon = new(2020, 11, 9, 12, 0, 0, TimeSpan.FromHours(3));

    // Claims a, b, c, d: a declares c, b declares a and c declares a again, so a's contradictions arrive as c, b, c.
    // Reports: zh and r2 (explicit), zh~tass and zh~tass~ru-mod (ids derived from zh), foo~tass (implicit, but "foo"
    // is no report, so its id is kept as written).
    private static CitationGraph Graph(string? vary = null) => new CitationGraphBuilder()
        .AddAffiliation(new Affiliation("ru-state", vary == "affiliation" ? "Russian government" : "Russian state"))
        .AddSource(new Source("zerohedge", vary == "source" ? "Zero Hedge" : "ZeroHedge", SourceKind.Outlet))
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency) { Affiliation = "ru-state" })
        .AddSource(new Source("ru-mod", "Russian MoD", SourceKind.Government) { Affiliation = "ru-state" })
        .AddClaim(new Claim("a", "A") { Contradicts = ["c"] })
        .AddClaim(new Claim("b", vary == "claim" ? "B!" : "B") { Contradicts = ["a"] })
        .AddClaim(new Claim("c", "C") { Contradicts = ["a"] })
        .AddClaim(new Claim("d", "D"))
        .AddReport(new Report("zh", "zerohedge", ReportKind.Article) { Title = "T", Published = Noon })
        .AddReport(new Report("r2", "tass", ReportKind.Statement) { Title = vary == "report" ? "S" : null })
        .AddReport(Report.Implicit("zh~tass", "tass", "zh"))
        .AddReport(Report.Implicit("zh~tass~ru-mod", "ru-mod", "zh"))
        .AddReport(Report.Implicit("foo~tass", "tass", "zh"))
        .AddAssertion(new Assertion("zh", "a", AssertionMode.Attributed, vary == "assertion" ? "w2" : "w"))
        .AddAssertion(new Assertion("r2", "b", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("zh~tass~ru-mod", "a", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("foo~tass", "a", AssertionMode.FirstHand))
        .AddCitation(new Citation("zh", "zh~tass", "a", CitationKind.AccordingTo, Hedge.None, "According to TASS"))
        .AddCitation(new Citation("zh~tass", "zh~tass~ru-mod", "a", CitationKind.Citing))
        .AddCitation(new Citation("zh", "foo~tass", "a", CitationKind.Citing, vary == "citation" ? Hedge.Alleged : Hedge.Reportedly, ""))
        .Build();

    [Fact]
    public void ContradictionsOf_IsSymmetric_SortedInClaimOrder_AndWithoutRepeats()
    {
        var graph = Graph();

        Assert.Equal(["b", "c"], graph.ContradictionsOf("a").Select(c => c.Id));
        Assert.Equal(["a"], graph.ContradictionsOf("b").Select(c => c.Id));
        Assert.Equal(["a"], graph.ContradictionsOf("c").Select(c => c.Id));
        Assert.Empty(graph.ContradictionsOf("d"));
        Assert.Equal(new Claim("b", "B") { Contradicts = ["a"] }, graph.ContradictionsOf("a")[0]);
    }

    [Fact]
    public void Claims_KeepTheContradictionsAsDeclared()
    {
        var graph = Graph();

        Assert.Equal(["c"], graph.GetClaim("a").Contradicts.ToArray());
        Assert.Equal(["a"], graph.GetClaim("b").Contradicts.ToArray());
        Assert.Empty(graph.GetClaim("d").Contradicts);
        Assert.Equal(new Claim("d", "D"), graph.Claims[3]);
    }

    [Fact]
    public void GetReport_FindsDerivedIds_AndAnImplicitIdWhoseFirstPartIsNoReport()
    {
        var graph = Graph();

        Assert.Equal(Report.Implicit("foo~tass", "tass", "zh"), graph.GetReport("foo~tass"));
        Assert.Equal(Report.Implicit("zh~tass~ru-mod", "ru-mod", "zh"), graph.GetReport("zh~tass~ru-mod"));
        Assert.Equal(["zh~tass~ru-mod"], graph.CitationsFrom("zh~tass").Select(c => c.To));
        Assert.True(graph.TryGetReport("foo~tass", out var found));
        Assert.Equal("foo~tass", found.Id);
        Assert.False(graph.TryGetReport("foo~ru-mod", out found));
        Assert.Null(found);
        Assert.False(graph.TryGetReport("zh~ru-mod", out _));
        Assert.False(graph.TryGetReport("zh~~tass", out _));
    }

    [Fact]
    public void TryGetAssertion_FindsOnlyTheReportsOwnAssertions()
    {
        var graph = Graph();

        Assert.False(graph.TryGetAssertion("zh", "b", out var assertion));
        Assert.Null(assertion);
        Assert.False(graph.TryGetAssertion("zh~tass~ru-mod", "b", out _));
        Assert.False(graph.TryGetAssertion("nope", "a", out _));
        Assert.False(graph.TryGetAssertion("zh", "nope", out _));
        Assert.False(graph.TryGetAssertion(null!, "b", out assertion));
        Assert.Null(assertion);

        Assert.True(graph.TryGetAssertion("r2", "b", out assertion));
        Assert.Equal(new Assertion("r2", "b", AssertionMode.FirstHand), assertion);
        Assert.True(graph.TryGetAssertion("zh~tass", "a", out assertion));
        Assert.Equal(new Assertion("zh~tass", "a", AssertionMode.Attributed), assertion);
    }

    [Fact]
    public void HasEvidence_IsFalseForAbsentAndEmptyEvidence()
    {
        var graph = Graph();

        Assert.Equal([true, false, false], Enumerable.Range(0, graph.Citations.Length).Select(graph.HasEvidence));
        Assert.Equal("", graph.Citations[2].Evidence);
    }

    [Fact]
    public void Lookups_OfUnknownIds_ThrowKeyNotFoundNamingTheKindAndId()
    {
        var graph = Graph();

        Assert.Equal("No source has the id 'x'.", Assert.Throws<KeyNotFoundException>(() => graph.GetSource("x")).Message);
        Assert.Equal("No source has the id 'x'.", Assert.Throws<KeyNotFoundException>(() => graph.ReportsOf("x")).Message);
        Assert.Equal("No claim has the id 'x'.", Assert.Throws<KeyNotFoundException>(() => graph.GetClaim("x")).Message);
        Assert.Equal("No claim has the id 'x'.", Assert.Throws<KeyNotFoundException>(() => graph.AssertionsOfClaim("x")).Message);
        Assert.Equal("No claim has the id 'x'.", Assert.Throws<KeyNotFoundException>(() => graph.ContradictionsOf("x")).Message);
        Assert.Equal("No affiliation has the id 'x'.", Assert.Throws<KeyNotFoundException>(() => graph.GetAffiliation("x")).Message);
        Assert.Equal("No report has the id 'zh~x'.", Assert.Throws<KeyNotFoundException>(() => graph.GetReport("zh~x")).Message);
        Assert.Equal("No report has the id 'x'.", Assert.Throws<KeyNotFoundException>(() => graph.CitationsTo("x")).Message);
    }

    [Fact]
    public void Lookups_OfNull_ThrowArgumentNullNamingTheId()
    {
        var graph = Graph();

        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.GetSource(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.GetClaim(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.GetAffiliation(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.GetReport(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.TryGetSource(null!, out _)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.TryGetClaim(null!, out _)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.TryGetAffiliation(null!, out _)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => graph.TryGetReport(null!, out _)).ParamName);
    }

    [Fact]
    public void TryGets_FindKnownIds_AndGiveNullForUnknownOnes()
    {
        var graph = Graph();

        Assert.True(graph.TryGetSource("tass", out var source));
        Assert.Equal("TASS", source.Name);
        Assert.False(graph.TryGetSource("x", out source));
        Assert.Null(source);

        Assert.True(graph.TryGetClaim("d", out var claim));
        Assert.Equal("D", claim.Text);
        Assert.False(graph.TryGetClaim("x", out claim));
        Assert.Null(claim);

        Assert.True(graph.TryGetAffiliation("ru-state", out var affiliation));
        Assert.Equal("Russian state", affiliation.Name);
        Assert.False(graph.TryGetAffiliation("x", out affiliation));
        Assert.Null(affiliation);

        Assert.True(graph.TryGetReport("zh~tass", out var report));
        Assert.Equal(Report.Implicit("zh~tass", "tass", "zh"), report);
        Assert.Equal(["r2", "zh~tass", "foo~tass"], graph.ReportsOf("tass").Select(r => r.Id));
    }

    [Fact]
    public void ContentEquals_IsTrueForTheSameContent_AndFalseWhenOneCollectionDiffers()
    {
        var graph = Graph();

        Assert.True(graph.ContentEquals(Graph()));
        Assert.False(graph.ContentEquals(null));
        foreach (var vary in new[] { "affiliation", "source", "claim", "report", "assertion", "citation" })
        {
            Assert.False(graph.ContentEquals(Graph(vary)), vary);
            Assert.False(Graph(vary).ContentEquals(graph), vary);
        }
    }

    [Fact]
    public void Reports_KeepAUrlOrATimeGivenAlone()
    {
        // The first URL is the pool's first text (reference 0), the second its second; the third report has a time
        // and nothing else.
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Person))
            .AddReport(new Report("u", "s", ReportKind.Other) { Url = "https://u.example" })
            .AddReport(new Report("v", "s", ReportKind.Other) { Url = "https://v.example" })
            .AddReport(new Report("p", "s", ReportKind.Other) { Published = Noon })
            .AddReport(new Report("n", "s", ReportKind.Other))
            .Build();

        Assert.Equal(new Report("u", "s", ReportKind.Other) { Url = "https://u.example" }, graph.GetReport("u"));
        Assert.Equal(new Report("v", "s", ReportKind.Other) { Url = "https://v.example" }, graph.GetReport("v"));
        Assert.Equal(new Report("p", "s", ReportKind.Other) { Published = Noon }, graph.GetReport("p"));
        Assert.Equal(new Report("n", "s", ReportKind.Other), graph.GetReport("n"));

        // The same for a language alone, as the pool's first text.
        var language = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Person))
            .AddReport(new Report("l", "s", ReportKind.Other) { Language = "ru" })
            .Build();
        Assert.Equal(new Report("l", "s", ReportKind.Other) { Language = "ru" }, language.GetReport("l"));
    }
}
