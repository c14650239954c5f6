using Provenance.Generation;

namespace Provenance.Tests.Model;

/// <summary>The frozen graph's column storage: ids derived from their parts, pooled text, elements made on access.</summary>
public class ColumnarGraphTests
{
    private static CitationGraphBuilder Chain() => new CitationGraphBuilder()
        .AddSource(new Source("mod", "Ministry", SourceKind.Government))
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
        .AddSource(new Source("zh", "ZeroHedge", SourceKind.Outlet))
        .AddClaim(new Claim("downed", "A helicopter was shot down."))
        .AddReport(new Report("a1", "zh", ReportKind.Article) { Title = "Downed", Language = "en" })
        .AddReport(Report.Implicit("a1~tass", "tass", "a1"))
        .AddReport(Report.Implicit("a1~tass~mod", "mod", "a1"))
        .AddReport(Report.Implicit("said-by-tass", "tass", "a1"))
        .AddReport(Report.Implicit("a1~mod", "tass", "a1"))
        .AddAssertion(new Assertion("a1", "downed", AssertionMode.Attributed, "shot down"))
        .AddCitation(new Citation("a1", "a1~tass", "downed", CitationKind.AccordingTo, Hedge.None, "according to TASS"))
        .AddCitation(new Citation("a1~tass", "a1~tass~mod", "downed", CitationKind.Citing, Hedge.Alleged, "citing the ministry"))
        .AddCitation(new Citation("a1", "said-by-tass", "downed", CitationKind.Citing))
        .AddCitation(new Citation("a1", "a1~mod", "downed", CitationKind.Citing, Hedge.None, "according to TASS"))
        .AddAssertion(new Assertion("a1~tass~mod", "downed", AssertionMode.FirstHand, "shot down"));

    [Fact]
    public void Reports_DerivedAndStoredIds_ReadBackAsAdded()
    {
        var graph = Chain().Build();

        Assert.Equal(["a1", "a1~tass", "a1~tass~mod", "said-by-tass", "a1~mod"], graph.Reports.Select(r => r.Id));
        Assert.Equal(Report.Implicit("a1~tass~mod", "mod", "a1"), graph.Reports[2]);
        Assert.Equal(new Report("a1", "zh", ReportKind.Article) { Title = "Downed", Language = "en" }, graph.GetReport("a1"));
        Assert.Equal("tass", graph.GetReport("a1~mod").Source);
        Assert.Equal("mod", graph.GetReport("a1~tass~mod").Source);
        Assert.Equal(["a1~tass~mod"], graph.CitationsFrom("a1~tass").Select(c => c.To));
    }

    [Fact]
    public void Reports_AnImplicitIdMadeOfItsPartsIsNotStored()
    {
        // a1~tass and a1~tass~mod are their cited-in parent's id, '~' and their source's id; said-by-tass (another form)
        // and a1~mod (whose source is tass) keep their ids. a1 is the first report: index 0 is a parent like any other.
        var graph = Chain().Build();
        Assert.Equal(3, graph.StoredReportIds);

        // A derived report whose parent comes after it in declaration order, and one under a stored parent.
        var later = new CitationGraphBuilder()
            .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
            .AddSource(new Source("mod", "Ministry", SourceKind.Government))
            .AddReport(Report.Implicit("b~tass~mod", "mod", "b"))
            .AddReport(Report.Implicit("b~tass", "tass", "b"))
            .AddReport(new Report("b", "tass", ReportKind.Article))
            .AddReport(Report.Implicit("b~x", "tass", "b"))
            .AddReport(Report.Implicit("b~x~mod", "mod", "b"))
            .Build();
        Assert.Equal(2, later.StoredReportIds);
        Assert.Equal(["b~tass~mod", "b~tass", "b", "b~x", "b~x~mod"], later.Reports.Select(r => r.Id));
        Assert.Equal("b~x~mod", later.GetReport("b~x~mod").Id);
        Assert.True(later.TryGetReport("b~tass~mod", out var deep));
        Assert.Equal("mod", deep.Source);

        // The generated corpus: every implicit report there is named after its chain, so only explicit ids are kept.
        var generated = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 2_000, Seed = 7 });
        Assert.Equal(generated.Reports.Count(r => r.CitedIn is null), generated.StoredReportIds);
        Assert.True(generated.Reports.Length > 2 * generated.StoredReportIds);
    }

    [Theory]
    [InlineData("a1~zh")]
    [InlineData("a1~tass~tass")]
    [InlineData("a1~")]
    [InlineData("~tass")]
    [InlineData("a1~~tass")]
    [InlineData("b1~tass")]
    [InlineData("said-by-tass~mod")]
    [InlineData("a1~tass~mod~")]
    [InlineData("A1~tass")]
    [InlineData("a1~тасс")]
    public void TryGetReport_NoSuchId_IsFalse(string id)
    {
        var graph = Chain().Build();

        Assert.False(graph.TryGetReport(id, out _));
        Assert.Throws<KeyNotFoundException>(() => graph.GetReport(id));
    }

    [Fact]
    public void TryGetReport_VeryLongUnknownId_ReturnsWithoutRecursing()
    {
        var graph = Chain().Build();
        var id = "a1" + string.Concat(Enumerable.Repeat("~tass", 200_000));

        Assert.False(graph.TryGetReport(id, out _));
    }

    [Fact]
    public void Text_LoneSurrogateAndNonAscii_KeptExactly()
    {
        var odd = "bad \ud800 half, ТАСС, 東京";
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Outlet))
            .AddClaim(new Claim("c", odd))
            .AddReport(new Report("r", "s", ReportKind.Article) { Title = odd })
            .AddAssertion(new Assertion("r", "c", AssertionMode.FirstHand, odd + "!"))
            .Build();

        Assert.Equal(odd, graph.Claims[0].Text);
        Assert.Equal(odd, graph.Reports[0].Title);
        Assert.Equal(odd + "!", graph.Assertions[0].Wording);
    }

    [Fact]
    public void Published_OffsetAndNull_RoundTrip()
    {
        var time = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromMinutes(-5 * 60 - 30));
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Outlet))
            .AddClaim(new Claim("c", "x"))
            .AddReport(new Report("r", "s", ReportKind.Article) { Published = time })
            .AddReport(new Report("q", "s", ReportKind.Post))
            .AddReport(new Report("o", "s", ReportKind.Other))
            .AddAssertion(new Assertion("r", "c", AssertionMode.FirstHand))
            .Build();

        Assert.True(time.EqualsExact(graph.Reports[0].Published!.Value));
        Assert.Null(graph.Reports[1].Published);
        Assert.Equal(ReportKind.Post, graph.Reports[1].Kind);
        Assert.Equal(new Report("o", "s", ReportKind.Other), graph.Reports[2]);
    }

    [Fact]
    public void ElementList_IndexingEnumerationAndIndexOf()
    {
        var graph = Chain().Build();

        Assert.Equal(4, graph.Citations.Length);
        Assert.False(graph.Citations.IsEmpty);
        Assert.True(graph.Affiliations.IsEmpty);
        Assert.Equal(graph.Citations[1], graph.Citations[1]);
        Assert.Equal(new Citation("a1~tass", "a1~tass~mod", "downed", CitationKind.Citing, Hedge.Alleged, "citing the ministry"), graph.Citations[1]);
        Assert.Equal(1, graph.Citations.IndexOf(graph.Citations[1]));
        Assert.Equal(-1, graph.Citations.IndexOf(new Citation("x", "y", "z", CitationKind.Citing)));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Citations[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Citations[-1]);
        Assert.Equal(graph.Citations.ToList(), [.. graph.Citations]);
        IReadOnlyList<Citation> list = graph.Citations;
        Assert.Equal(4, list.Count);
    }

    [Fact]
    public void Build_UndefinedReportKindOrAssertionMode_IsAProblem()
    {
        var builder = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Outlet))
            .AddClaim(new Claim("c", "x"))
            .AddReport(new Report("r", "s", (ReportKind)300), new SourceLocation("g.yaml", 2, 1))
            .AddAssertion(new Assertion("r", "c", (AssertionMode)77), new SourceLocation("g.yaml", 4, 1));

        Assert.False(builder.TryBuild(out _, out var problems));

        Assert.Equal([("unknown-enum", 2), ("unknown-enum", 4)], problems.Select(p => (p.Code, p.Location!.Value.Line)));
    }

    [Fact]
    public void ContentEquals_SameInputTwice_TrueAndOneTextDifferent_False()
    {
        Assert.True(Chain().Build().ContentEquals(Chain().Build()));
        var other = Chain().AddClaim(new Claim("other", "y")).Build();
        Assert.False(Chain().Build().ContentEquals(other));
    }
}
