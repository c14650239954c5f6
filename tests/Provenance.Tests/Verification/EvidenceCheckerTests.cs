using Provenance.Verification;

namespace Provenance.Tests.Verification;

public sealed class EvidenceCheckerTests
{
    // Small self-contained articles: a no-break space (U+00A0), a line break inside a sentence and curly quotes,
    // as real article texts have.
    private const string Nbsp = "\u00A0";

    private static readonly ArticleText Wire = new(
        "wire.txt",
        "Ministry Confirms Crash\n\nThe ministry said the aircraft\ncrashed near the" + Nbsp + "village.\n" +
        "“We regret the incident,” the spokesman said.");

    private static readonly ArticleText Blog = new(
        "blog.txt",
        "Blog Post About Something Else\n\nAccording to the wire, the ministry regrets it.");

    private static CitationGraph Graph(string? title = "Ministry Confirms Crash", string evidence = "The ministry said the aircraft crashed near the village.", string? wording = null, string? hopWording = null)
    {
        var builder = new CitationGraphBuilder()
            .AddSource(new Source("outlet", "Outlet", SourceKind.Outlet))
            .AddSource(new Source("ministry", "Ministry", SourceKind.Government))
            .AddClaim(new Claim("crash", "The aircraft crashed."))
            .AddReport(new Report("article", "outlet", ReportKind.Article) { Title = title })
            .AddReport(Report.Implicit("article~ministry", "ministry", "article"))
            .AddAssertion(new Assertion("article", "crash", AssertionMode.Attributed, wording))
            .AddAssertion(new Assertion("article~ministry", "crash", AssertionMode.FirstHand, hopWording))
            .AddCitation(new Citation("article", "article~ministry", "crash", CitationKind.Paraphrase, Hedge.None, evidence));
        return builder.Build();
    }

    [Fact]
    public void Check_EvidenceWithOtherWhitespace_MatchesArticle()
    {
        var result = EvidenceChecker.Check(Graph(), [Blog, Wire]);

        Assert.True(result.IsValid);
        Assert.Equal<ArticleMatch>([new ArticleMatch("article", "wire.txt")], result.Matches);
        Assert.Equal(1, result.CheckedTexts);
    }

    [Fact]
    public void Check_WordingsOfReportAndHop_AreCheckedToo()
    {
        var result = EvidenceChecker.Check(Graph(wording: "crashed near the village", hopWording: "We regret the incident,"), [Wire]);

        Assert.True(result.IsValid);
        Assert.Equal(3, result.CheckedTexts);
    }

    [Fact]
    public void Check_EvidenceNotInArticle_ReportsProblem()
    {
        var result = EvidenceChecker.Check(Graph(evidence: "The ministry said the helicopter crashed"), [Wire, Blog]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(
            new EvidenceProblem(
                "article",
                EvidenceField.Evidence,
                "The ministry said the helicopter crashed",
                EvidenceProblemKind.NotInArticle,
                "crash",
                "article -> article~ministry",
                "the evidence of 'article -> article~ministry' for claim 'crash' does not occur in article 'wire.txt' of report 'article'; copy it verbatim from the article."),
            problem);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Check_HopWordingWithStraightQuotesForCurly_ReportsProblem()
    {
        var result = EvidenceChecker.Check(Graph(hopWording: "\"We regret the incident,\""), [Wire]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(EvidenceField.Wording, problem.Field);
        Assert.Equal("article~ministry", problem.Holder);
        Assert.Equal(
            "the wording of 'article~ministry' for claim 'crash' does not occur in article 'wire.txt' of report 'article'; copy it verbatim from the article.",
            problem.Message);
    }

    [Fact]
    public void Check_InnerHopOfChain_IsCheckedAgainstTheOuterReportsArticle()
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("outlet", "Outlet", SourceKind.Outlet))
            .AddSource(new Source("agency", "Agency", SourceKind.NewsAgency))
            .AddSource(new Source("ministry", "Ministry", SourceKind.Government))
            .AddClaim(new Claim("crash", "The aircraft crashed."))
            .AddReport(new Report("article", "outlet", ReportKind.Article) { Title = "Ministry Confirms Crash" })
            .AddReport(Report.Implicit("article~agency", "agency", "article"))
            .AddReport(Report.Implicit("article~agency~ministry", "ministry", "article"))
            .AddAssertion(new Assertion("article~agency~ministry", "crash", AssertionMode.FirstHand, "the plane crashed near the village"))
            .AddCitation(new Citation("article", "article~agency", "crash", CitationKind.AccordingTo, Hedge.None, "The ministry said"))
            .AddCitation(new Citation("article~agency", "article~agency~ministry", "crash", CitationKind.Citing, Hedge.None, "the spokesman said"))
            .Build();

        var result = EvidenceChecker.Check(graph, [Wire]);

        Assert.Equal(
            [("article", EvidenceField.Wording, "article~agency~ministry", "the plane crashed near the village")],
            result.Problems.Select(p => (p.Report, p.Field, p.Holder, p.Text)));
        Assert.Equal(3, result.CheckedTexts);
    }

    [Fact]
    public void Check_WordingWithDifferentCase_ReportsProblem()
    {
        var result = EvidenceChecker.Check(Graph(wording: "Crashed near the village"), [Wire]);

        Assert.Equal(EvidenceProblemKind.NotInArticle, Assert.Single(result.Problems).Kind);
    }

    [Fact]
    public void Check_TitleInNoArticle_ReportsNoArticle()
    {
        var result = EvidenceChecker.Check(Graph(), [Blog]);

        Assert.Equal<EvidenceProblem>(
            [new EvidenceProblem("article", EvidenceField.Title, "Ministry Confirms Crash", EvidenceProblemKind.NoArticle, null, "article",
                "no article contains the title of report 'article'; add the article's text to the folder or fix the title.")],
            result.Problems);
        Assert.Empty(result.Matches);
        Assert.Equal(0, result.CheckedTexts);
    }

    [Fact]
    public void Check_TitleInTwoArticles_ReportsAmbiguity()
    {
        var copy = Wire with { Name = "copy.txt" };

        var result = EvidenceChecker.Check(Graph(), [Wire, copy]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(EvidenceProblemKind.AmbiguousArticle, problem.Kind);
        Assert.Equal(
            "the title of report 'article' occurs in several articles (wire.txt, copy.txt); make the title specific enough to match one.",
            problem.Message);
    }

    [Fact]
    public void Check_EvidenceButNoTitle_ReportsNoTitle()
    {
        var result = EvidenceChecker.Check(Graph(title: null), [Wire]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(EvidenceProblemKind.NoTitle, problem.Kind);
        Assert.Equal("", problem.Text);
        Assert.Equal(
            "report 'article' has evidence or wording to check but no title to find its article by; give it the article's title.",
            problem.Message);
    }

    [Fact]
    public void Check_ReportWithNothingToCheck_IsSkipped()
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("outlet", "Outlet", SourceKind.Outlet))
            .AddClaim(new Claim("crash", "The aircraft crashed."))
            .AddReport(new Report("untitled", "outlet", ReportKind.Article))
            .AddAssertion(new Assertion("untitled", "crash", AssertionMode.Unattributed))
            .Build();

        var result = EvidenceChecker.Check(graph, [Wire]);

        Assert.True(result.IsValid);
        Assert.Empty(result.Matches);
        Assert.Equal(0, result.CheckedTexts);
    }

    [Fact]
    public void Check_SeveralProblems_OrderedEvidenceBeforeWording()
    {
        var result = EvidenceChecker.Check(Graph(evidence: "not there", wording: "nor this", hopWording: "nor that"), [Wire]);

        Assert.Equal(
            [(EvidenceField.Evidence, "not there"), (EvidenceField.Wording, "nor this"), (EvidenceField.Wording, "nor that")],
            result.Problems.Select(p => (p.Field, p.Text)));
    }

    [Fact]
    public void Check_Directory_ReadsTxtFilesAndNamesThemByFileName()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-evidence-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "b.txt"), Wire.Text);
            File.WriteAllText(Path.Combine(folder.FullName, "a.md"), Wire.Text);

            var result = EvidenceChecker.Check(Graph(), folder.FullName);

            Assert.True(result.IsValid);
            Assert.Equal<ArticleMatch>([new ArticleMatch("article", "b.txt")], result.Matches);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_MissingDirectory_ThrowsDirectoryNotFound()
    {
        var missing = Path.Combine(Path.GetTempPath(), "provenance-no-such-folder-5c1d");

        var e = Assert.Throws<DirectoryNotFoundException>(() => EvidenceChecker.Check(Graph(), missing));

        Assert.Equal($"the articles folder '{missing}' does not exist; pass the folder that holds the article texts.", e.Message);
    }

    [Fact]
    public void Check_NullArgumentsAndMissingFolder_NameTheNullArgumentFirst()
    {
        var missing = Path.Combine(Path.GetTempPath(), "provenance-no-such-folder-5c1d");

        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => EvidenceChecker.Check(null!, missing, "*.txt")).ParamName);
        Assert.Equal("searchPattern", Assert.Throws<ArgumentNullException>(() => EvidenceChecker.Check(Graph(), missing, null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => EvidenceChecker.Normalize(null!)).ParamName);
    }

    [Fact]
    public void Check_Directory_ListsAmbiguousArticlesInNameOrder()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-evidence-");
        try
        {
            foreach (var name in new[] { "m.txt", "z.txt", "b.txt", "a.txt" })
            {
                File.WriteAllText(Path.Combine(folder.FullName, name), Wire.Text);
            }

            var result = EvidenceChecker.Check(Graph(), folder.FullName);

            var problem = Assert.Single(result.Problems);
            Assert.Equal(EvidenceProblemKind.AmbiguousArticle, problem.Kind);
            Assert.Contains("(a.txt, b.txt, m.txt, z.txt)", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_BlankTitle_ReportsNoTitleWithTheTitleAsWritten()
    {
        var result = EvidenceChecker.Check(Graph(title: " \t "), [Wire]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(EvidenceProblemKind.NoTitle, problem.Kind);
        Assert.Equal(" \t ", problem.Text);
        Assert.Equal($"article: {problem.Message} Text: \" \t \"", problem.ToString());
    }

    [Fact]
    public void Check_NullArguments_Throw()
    {
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => EvidenceChecker.Check(null!, [Wire])).ParamName);
        Assert.Equal("articles", Assert.Throws<ArgumentNullException>(() => EvidenceChecker.Check(Graph(), (IEnumerable<ArticleText>)null!)).ParamName);
        Assert.Equal("articles", Assert.Throws<ArgumentNullException>(() => EvidenceChecker.Check(Graph(), [null!])).ParamName);
        Assert.Equal("articlesDirectory", Assert.Throws<ArgumentNullException>(() => EvidenceChecker.Check(Graph(), (string)null!)).ParamName);
    }

    [Theory]
    [InlineData("a\u00A0 b", "a b")]
    [InlineData("  a\r\n\tb  ", "a b")]
    [InlineData("“a”\u2009b", "“a” b")]
    [InlineData("", "")]
    public void Normalize_Whitespace_CollapsesToOneSpace(string text, string expected)
    {
        Assert.Equal(expected, EvidenceChecker.Normalize(text));
    }
}
