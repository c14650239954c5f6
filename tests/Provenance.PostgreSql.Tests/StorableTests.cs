namespace Provenance.PostgreSql.Tests;

/// <summary>
/// The check that keeps what PostgreSQL cannot hold out of the store, field by field, without a server: every text field of
/// every element named in its message, ids escaped and cut as messages show them, and the fast pre-check on a graph's columns
/// (written against the survivors of the 2026-12-05 Stryker run, tests/mutation-survivors/PostgreSql.txt).
/// </summary>
public sealed class StorableTests
{
    private const string Nul = "a\0b";

    public static TheoryData<string, string> EveryField => new()
    {
        { "affiliation.id", "affiliation 'a\\u0000b' has a NUL character in 'id'" },
        { "affiliation.name", "affiliation 'a' has a NUL character in 'name'" },
        { "affiliation.description", "affiliation 'a' has a NUL character in 'description'" },
        { "source.id", "source 'a\\u0000b' has a NUL character in 'id'" },
        { "source.name", "source 's' has a NUL character in 'name'" },
        { "source.country", "source 's' has a NUL character in 'country'" },
        { "source.affiliation", "source 's' has a NUL character in 'affiliation'" },
        { "source.url", "source 's' has a NUL character in 'url'" },
        { "source.aliases", "source 's' has a NUL character in 'aliases'" },
        { "claim.id", "claim 'a\\u0000b' has a NUL character in 'id'" },
        { "claim.text", "claim 'c' has a NUL character in 'text'" },
        { "claim.contradicts", "claim 'c' has a NUL character in 'contradicts'" },
        { "report.id", "report 'a\\u0000b' has a NUL character in 'id'" },
        { "report.source", "report 'r' has a NUL character in 'source'" },
        { "report.title", "report 'r' has a NUL character in 'title'" },
        { "report.url", "report 'r' has a NUL character in 'url'" },
        { "report.language", "report 'r' has a NUL character in 'language'" },
        { "report.citedIn", "report 'r' has a NUL character in 'citedIn'" },
        { "assertion.report", "the assertion of 'c' by 'a\\u0000b' has a NUL character in 'report'" },
        { "assertion.claim", "the assertion of 'a\\u0000b' by 'r' has a NUL character in 'claim'" },
        { "assertion.wording", "the assertion of 'c' by 'r' has a NUL character in 'wording'" },
        { "citation.from", "the citation from 'a\\u0000b' to 'q' has a NUL character in 'from'" },
        { "citation.to", "the citation from 'r' to 'a\\u0000b' has a NUL character in 'to'" },
        { "citation.claim", "the citation from 'r' to 'q' has a NUL character in 'claim'" },
        { "citation.evidence", "the citation from 'r' to 'q' has a NUL character in 'evidence'" },
    };

    [Theory]
    [MemberData(nameof(EveryField))]
    public void Check_NulInOneField_OneProblemNamingTheElementAndTheField(string field, string expected)
    {
        string? T(string name, string clean) => field == name ? Nul : clean;
        var affiliation = new Affiliation(T("affiliation.id", "a")!, T("affiliation.name", "A")!) { Description = T("affiliation.description", "d") };
        var source = new Source(T("source.id", "s")!, T("source.name", "S")!, SourceKind.Outlet)
        {
            Country = T("source.country", "RU"),
            Affiliation = T("source.affiliation", "a"),
            Url = T("source.url", "https://s.example/"),
            Aliases = ["S1", T("source.aliases", "S2")!],
        };
        var claim = new Claim(T("claim.id", "c")!, T("claim.text", "C")!) { Contradicts = ["d", T("claim.contradicts", "e")!] };
        var report = new Report(T("report.id", "r")!, T("report.source", "s")!, ReportKind.Article)
        {
            Title = T("report.title", "T"),
            Url = T("report.url", "https://s.example/r"),
            Language = T("report.language", "en"),
            CitedIn = T("report.citedIn", "other"),
        };
        var assertion = new Assertion(T("assertion.report", "r")!, T("assertion.claim", "c")!, AssertionMode.Attributed, T("assertion.wording", "w"));
        var citation = new Citation(T("citation.from", "r")!, T("citation.to", "q")!, T("citation.claim", "c")!, CitationKind.Citing, Hedge.None, T("citation.evidence", "e"));

        var problems = Storable.Check([affiliation], [source], [claim], [report], [assertion], [citation]);

        var problem = Assert.Single(problems);
        Assert.Equal("unstorable", problem.Code);
        Assert.Null(problem.Location);
        Assert.Equal(expected + ", which PostgreSQL text cannot store; remove it.", problem.Message);
    }

    [Fact]
    public void Check_CleanElements_NoProblem()
    {
        var problems = Storable.Check(
            [new Affiliation("a", "A") { Description = "d" }],
            [new Source("s", "S", SourceKind.Outlet) { Aliases = ["x"], Country = "RU", Url = "u", Affiliation = "a" }, new Source("t", "T", SourceKind.Outlet)],
            [new Claim("c", "C") { Contradicts = ["d"] }, new Claim("d", "D")],
            [new Report("r", "s", ReportKind.Article) { Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, 123, TimeSpan.FromHours(3)).AddTicks(4560) }],
            [new Assertion("r", "c", AssertionMode.FirstHand)],
            [new Citation("r", "q", "c", CitationKind.Citing, Hedge.None)]);
        Assert.Empty(problems);
    }

    [Fact]
    public void Check_DefaultAliasesAndContradicts_AreEmptyNotAnError()
    {
        var problems = Storable.Check([], [new Source("s", "S", SourceKind.Outlet) { Aliases = default }], [new Claim("c", "C") { Contradicts = default }], [], [], []);
        Assert.Empty(problems);
    }

    [Fact]
    public void Check_EveryNulIsReported_InElementOrder()
    {
        var problems = Storable.Check(
            [],
            [new Source("s", Nul, SourceKind.Outlet) { Aliases = [Nul, "ok", Nul] }],
            [new Claim("c", Nul) { Contradicts = [Nul] }],
            [],
            [],
            []);
        Assert.Equal(
            [
                "source 's' has a NUL character in 'name'",
                "source 's' has a NUL character in 'aliases'",
                "source 's' has a NUL character in 'aliases'",
                "claim 'c' has a NUL character in 'text'",
                "claim 'c' has a NUL character in 'contradicts'",
            ],
            problems.Select(p => p.Message[..p.Message.IndexOf(", which", StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(15, true)]
    [InlineData(20, false)]
    public void Check_PublishedFinerThanAMicrosecond_IsReported(long ticks, bool reported)
    {
        var published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)).AddTicks(ticks);
        var problems = Storable.Check([], [], [], [new Report("r", "s", ReportKind.Article) { Published = published }], [], []);
        if (reported)
        {
            Assert.Equal(
                "report 'r' has a 'published' time finer than a microsecond, which PostgreSQL cannot store; round it to microseconds.",
                Assert.Single(problems).Message);
        }
        else
        {
            Assert.Empty(problems);
        }
    }

    [Theory]
    [InlineData(79, false)]
    [InlineData(80, false)]
    [InlineData(81, true)]
    [InlineData(200, true)]
    public void Check_LongId_IsCutAtEightyCharactersInTheMessage(int length, bool cut)
    {
        var id = new string('x', length);
        var problem = Assert.Single(Storable.Check([], [new Source(id, Nul, SourceKind.Outlet)], [], [], [], []));
        var shown = cut ? new string('x', 80) + "…" : id;
        Assert.Equal($"source '{shown}' has a NUL character in 'name', which PostgreSQL text cannot store; remove it.", problem.Message);
    }

    [Fact]
    public void MayHoldUnstorable_CleanGraphWithImplicitReports_False()
    {
        var graph = TestGraphs.Get("mi24-yeraskh");
        Assert.Contains(graph.Reports, r => r.IsImplicit);
        Assert.False(Storable.MayHoldUnstorable(graph));
    }

    [Fact]
    public void MayHoldUnstorable_NulOnlyInASourceName_True()
    {
        // A source's name is not in the graph's text buffer, so only the record check finds it.
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s", "S\0", SourceKind.Outlet));
        builder.AddReport(new Report("r", "s", ReportKind.Article));
        Assert.True(Storable.MayHoldUnstorable(builder.Build()));
    }

    [Fact]
    public void MayHoldUnstorable_NulOnlyInATitle_True()
    {
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s", "S", SourceKind.Outlet));
        builder.AddReport(new Report("r", "s", ReportKind.Article) { Title = "t\0" });
        Assert.True(Storable.MayHoldUnstorable(builder.Build()));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(10, false)]
    public void MayHoldUnstorable_SubMicrosecondPublished_True(long ticks, bool expected)
    {
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s", "S", SourceKind.Outlet));
        builder.AddReport(new Report("r0", "s", ReportKind.Article) { Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        builder.AddReport(new Report("r", "s", ReportKind.Article) { Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(3)).AddTicks(ticks) });
        Assert.Equal(expected, Storable.MayHoldUnstorable(builder.Build()));
    }
}
