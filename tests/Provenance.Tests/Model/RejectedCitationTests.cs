namespace Provenance.Tests.Model;

/// <summary>
/// What a citation that is not kept (undefined kind, self-citation, duplicate, unknown cited report) still says about
/// its report: that it meant to cite for the claim, so neither "attributed but cites nothing" nor, for an implicit
/// report, an inferred unknown-mode assertion pass unremarked.
/// </summary>
public class RejectedCitationTests
{
    private static CitationGraphBuilder Story() => new CitationGraphBuilder()
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
        .AddSource(new Source("mod", "Ministry", SourceKind.Government))
        .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down."))
        .AddReport(new Report("t1", "tass", ReportKind.Article))
        .AddReport(Report.Implicit("t1~mod", "mod", "t1"))
        .AddAssertion(new Assertion("t1", "downed", AssertionMode.Attributed));

    private static string[] Codes(CitationGraphBuilder builder)
    {
        Assert.False(builder.TryBuild(out _, out var problems));
        return [.. problems.Select(p => p.Code)];
    }

    [Fact]
    public void SelfCitationOfAnImplicitReport_ItsInferredUnknownAssertionContradictsTheCitation()
    {
        var builder = Story()
            .AddCitation(new Citation("t1", "t1~mod", "downed", CitationKind.Citing))
            .AddCitation(new Citation("t1~mod", "t1~mod", "downed", CitationKind.Citing));

        Assert.Equal(["self-citation", "citation-contradicts-mode"], Codes(builder));
    }

    [Fact]
    public void DuplicateCitation_IsReportedOnceAndTheFirstIsKept()
    {
        var builder = Story()
            .AddCitation(new Citation("t1", "t1~mod", "downed", CitationKind.Citing))
            .AddCitation(new Citation("t1", "t1~mod", "downed", CitationKind.Paraphrase));

        Assert.Equal(["duplicate-citation"], Codes(builder));
    }

    [Fact]
    public void CitationOfAnUnknownReport_LeavesTheAttributedAssertionCited()
    {
        var builder = Story()
            .AddCitation(new Citation("t1", "t1~mod", "downed", CitationKind.Citing))
            .AddCitation(new Citation("t1", "nowhere", "downed", CitationKind.Citing));

        Assert.Equal(["unknown-reference"], Codes(builder));
    }

    [Fact]
    public void OnlyRejectedCitations_TheAttributedAssertionIsNotSaidToCiteNothing()
    {
        var builder = Story()
            .AddCitation(new Citation("t1", "nowhere", "downed", CitationKind.Citing))
            .AddCitation(new Citation("t1", "t1", "downed", CitationKind.Citing));

        Assert.Equal(["unknown-reference", "self-citation"], Codes(builder));
    }

    [Fact]
    public void AttributedAssertionWithoutAnyCitation_CitesNothing()
    {
        Assert.Equal(["attributed-without-citation"], Codes(Story()));
    }

    [Fact]
    public void AssertionWithUndefinedMode_CitedLater_DoesNotMarkAnotherAssertion()
    {
        // The undefined-mode assertion is held (no assertion is inferred in its place) but not kept; the citation of
        // its pair must not be credited to whichever assertion comes next.
        var builder = new CitationGraphBuilder()
            .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
            .AddSource(new Source("rt", "RT", SourceKind.Broadcaster))
            .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down."))
            .AddReport(new Report("t1", "tass", ReportKind.Article))
            .AddReport(new Report("rt1", "rt", ReportKind.Article))
            .AddAssertion(new Assertion("rt1", "downed", (AssertionMode)42))
            .AddAssertion(new Assertion("t1", "downed", AssertionMode.Attributed))
            .AddCitation(new Citation("rt1", "t1", "downed", CitationKind.Citing));

        Assert.Equal(["unknown-enum", "attributed-without-citation"], Codes(builder));
    }
}
